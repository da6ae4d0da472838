using Replete.Foods;

namespace Replete.Tests.Foods;

public class CleanQueryTests
{
    [Theory]
    [InlineData("Chicken\nbreast", "Chicken breast")]
    [InlineData("whole\r\nmilk\tfat", "whole  milk fat")]
    [InlineData("ban\u0007ana", "banana")]
    [InlineData("\u001b[31mbanana\u001b[0m", "banana")]
    public void LineBreaksSeparateWords_OtherControlCharactersGo(string query, string expected) =>
        Assert.Equal(expected, FoodSearchIndex.CleanQuery(query));
}
