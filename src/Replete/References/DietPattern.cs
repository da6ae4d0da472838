namespace Replete.References;

/// <summary>What a person eats, as far as nutrient needs and food choices go.</summary>
public enum DietPattern
{
    /// <summary>Eats animal and plant foods.</summary>
    Omnivore,

    /// <summary>Fish but no meat. Iron needs as an omnivore's: fish supplies heme iron (IOM 2001, p.351 raises the
    /// requirement for vegetarian diets only).</summary>
    Pescatarian,

    /// <summary>No meat or fish; may eat dairy and eggs. Iron needs x1.8 (IOM 2001, p.351).</summary>
    Vegetarian,

    /// <summary>No animal foods: also needs a reliable B12 source (NIH ODS), and counts as the risk factor "vegan".</summary>
    Vegan,
}
