namespace Replete.Foods;

/// <summary>Facts about USDA SR food groups (FdGrp_Desc, USDA ARS 2015, FD_GROUP) that more than one part of Replete uses.</summary>
public static class FoodGroups
{
    /// <summary>Groups whose foods are eaten cooked (meat, poultry, fish, legumes, grains): their raw forms (dry lentils, raw
    /// meat, raw rice) are not what a person means by the food's name, so a plan does not offer them and the search
    /// ranks the cooked form as the default. Replete's choice, by the group names of SR28.</summary>
    public static IReadOnlySet<string> EatenCooked { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Poultry Products", "Pork Products", "Beef Products", "Finfish and Shellfish Products", "Legumes and Legume Products", "Cereal Grains and Pasta",
    };
}
