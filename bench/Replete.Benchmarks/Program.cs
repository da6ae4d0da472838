using BenchmarkDotNet.Running;
using Replete.Benchmarks;

if (args is ["latency", ..])
{
    SearchLatency.Run(rounds: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30);
    return;
}

if (args is ["relevance", "--query", var query])
{
    RelevanceSet.Explain(query);
    return;
}

if (args is ["relevance", ..])
{
    RelevanceSet.Run(misses: args.Contains("--misses"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(AdequacyBenchmarks).Assembly).Run(args);
