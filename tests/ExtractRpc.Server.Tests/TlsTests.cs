using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExtractRpc.Protocol.V1;
using Grpc.Net.Client;

namespace ExtractRpc.Server.Tests;

/// <summary>TLS as the README documents it: a Kestrel endpoint with a certificate file, here a
/// self-signed one the test makes; the client trusts exactly that certificate.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("extractrpc-tls-").FullName;

    [Fact]
    public async Task Extract_OverTls_WithAConfiguredCertificate()
    {
        using var certificate = SelfSigned();
        var path = Path.Combine(_directory, "server.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "test-password"));

        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Tls:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Tls:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Tls:Certificate:Path"] = path,
            ["Kestrel:Endpoints:Tls:Certificate:Password"] = "test-password",
        };
        var thumbprint = certificate.Thumbprint;
        await using var host = await ServerHost.StartConfiguredAsync(settings, address =>
        {
            var handler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == thumbprint,
                },
            };
            return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        });

        Assert.StartsWith("https://127.0.0.1:", host.Address, StringComparison.Ordinal);
        var response = await new Extractor.ExtractorClient(host.Channel).ExtractAsync(new ExtractRequest { Text = "زار لافروف دمشق." });
        Assert.Contains(response.Entities, e => e.EntityId == "per:sergei-lavrov");
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
