using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Replete.Benchmarks.AdequacyBenchmarks).Assembly).Run(args);
