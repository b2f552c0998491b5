using ExtractRpc.Protocol;
using ExtractRpc.Protocol.V1;
using Grpc.Core;

namespace ExtractRpc.Server.Tests;

/// <summary>The one place request errors are worded.</summary>
public sealed class RequestValidatorTests
{
    // Built in code and not enumerated at discovery: attribute strings and serialized theory data are
    // UTF-8, where a lone surrogate cannot live.
    public static TheoryData<string, int> LoneSurrogates => new()
    {
        { "\uD800بايدن", 0 },
        { "بايدن\uDC00", 5 },
        { "قال 😀 ثم \uD83D", 10 },
        { "\uDE00\uD83Dقال", 0 },
        { "قال \uD83D\uD83D\uDE00", 4 },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates), DisableDiscoveryEnumeration = true)]
    public void LoneSurrogate_IsInvalidArgument_AtItsIndex(string text, int index)
    {
        var ex = Assert.Throws<RpcException>(() => RequestValidator.Validate(new ExtractRequest { Text = text }, 1000));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains($"index {index}", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("قال الرئيس 😀 إن")]
    [InlineData("😀")]
    [InlineData("زار سيرغي لافروف دمشق.")]
    public void PairedSurrogates_AndPlainText_Pass(string text) =>
        Assert.Equal(text, RequestValidator.Validate(new ExtractRequest { Text = text }, 1000).Text);

    [Fact]
    public void Settings_AreReadWithoutTheText_AsValidateReadsThem()
    {
        var request = new ExtractRequest { TimeZone = "Africa/Cairo", Kinds = { ExtractionKind.Quotes }, OffsetUnit = OffsetUnit.Utf16 };
        var (options, unit) = RequestValidator.ValidateSettings(request);
        request.Text = "قال الرئيس.";
        var full = RequestValidator.Validate(request, 1000);
        Assert.Equal(full.Options, options);
        Assert.Equal(full.Unit, unit);
        Assert.Throws<RpcException>(() => RequestValidator.ValidateSettings(new ExtractRequest { OffsetUnit = (OffsetUnit)9 }));
    }
}
