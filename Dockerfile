# ExtractRpc server image. Build: docker build -t extractrpc .   Run: docker run -p 50051:50051 extractrpc
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ExtractRpc.Server -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Listen on every interface in the container (the default is localhost only), h2c on 50051.
ENV Urls=http://0.0.0.0:50051 \
    DOTNET_gcServer=1
EXPOSE 50051
USER app
ENTRYPOINT ["dotnet", "ExtractRpc.Server.dll"]
