using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ExtractRpc.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ExtractRpc.Benchmarks.PipelineBenchmarks).Assembly).Run(args);
