using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Replete.Assessment;
using Replete.Planning;

namespace Replete.Cli.Rendering;

/// <summary>Serialization metadata for what the commands write, generated at build time so that the first
/// <c>--json</c> of a process neither reflects over every type nor emits accessors at run time. Used through
/// <see cref="Json.Options"/>, which keeps the wire options of <see cref="Data.WireJson"/>.</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(RecoveryAssessment))]
[JsonSerializable(typeof(NutritionPlan))]
[JsonSerializable(typeof(IEnumerable<TargetsView.TargetJson>))]
[JsonSerializable(typeof(Training.PeriodizedTargets))]
[JsonSerializable(typeof(Training.EnergyAvailabilityScreen))]
[JsonSerializable(typeof(Training.SessionPlan))]
[JsonSerializable(typeof(FoodSearchResult))]
[JsonSerializable(typeof(FoodDetail))]
[JsonSerializable(typeof(FoodDatabaseStats))]
[JsonSerializable(typeof(Storage.Foods.FoodImportSummary))]
[JsonSerializable(typeof(DietReport))]
internal sealed partial class CliJson : JsonSerializerContext;
