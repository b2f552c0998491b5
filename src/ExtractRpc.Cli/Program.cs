using ExtractRpc.Cli;

return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error);
