using Replete.Documents;

namespace Replete.Tests.Documents;

/// <summary>Zero-width joiners and non-joiners are refused where they show nothing and kept where they change what is
/// shown (RFC 5892 Appendix A.1-A.2; UTS #51 section 2.3): Persian words and emoji sequences are ordinary text.</summary>
public class HiddenTextTests
{
    [Theory]
    [InlineData("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")] // Persian "mi-khaham": a non-joiner between two Arabic letters
    [InlineData("\u0646\u0627\u0646\u200C\u0647\u0627")] // Persian "nan-ha" (breads)
    [InlineData("\u0915\u094D\u200D\u0937")] // Devanagari ka, virama, joiner, ssa: the half form
    [InlineData("\u0915\u094D\u200C\u0937")] // the same with a non-joiner: the explicit virama
    [InlineData("run \U0001F3C3\u200D\u2640\uFE0F")] // woman running: runner, joiner, female sign, variation selector
    [InlineData("\U0001F469\U0001F3FD\u200D\U0001F373")] // woman cook with a skin tone
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467")] // family
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F")] // the flag of England: tags after a black flag
    public void WhatChangesWhatIsShown_IsText(string text) => Assert.Null(HiddenText.First(text));

    [Theory]
    [InlineData("iron\u200D")]
    [InlineData("slept\u200Dwell")]
    [InlineData("spin\u200Cach")]
    [InlineData("\u200C\u0646\u0627\u0646")] // a non-joiner with nothing before it
    [InlineData("\u0646\u0627\u0646\u200C")] // nor after it
    [InlineData("\U0001F3C3\u200D")] // an emoji joined to nothing
    [InlineData("a\u200D\U0001F3C3")] // a letter joined to an emoji
    [InlineData("\u0646\u200C\u200B\u0627")] // a zero-width space stays hidden next to a kept non-joiner
    [InlineData("iron\u094D\u200C")] // a virama on a Latin letter, nothing after: shows as "iron\u094D" (h103)
    [InlineData("\u0915\u094D\u200D")] // a virama with no letter after the joiner
    [InlineData("\U0001F34E\u200D\U0001F34C")] // apple, joiner, banana: no ZWJ sequence, shows as the two emoji (h103)
    [InlineData("iron\U000E0069\U000E0072")] // tag characters carrying invisible ASCII (h103)
    [InlineData("iron\U000E0100")] // a supplementary variation selector
    [InlineData("iron\u3164")] // a Hangul filler shows as blank space
    [InlineData("iron\u2062")] // an invisible times
    public void WhatShowsNothing_IsHidden(string text) => Assert.NotNull(HiddenText.First(text));

    [Fact]
    public void IsHidden_ReadsEachPositionInItsContext()
    {
        const string Persian = "\u0645\u06CC\u200C\u062E";
        Assert.False(HiddenText.IsHidden(Persian, 2));
        Assert.True(HiddenText.IsHidden('\u200C'));
        Assert.True(HiddenText.IsHidden("a\u202Eb", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => HiddenText.IsHidden(Persian, 4));
        // An unpaired surrogate is no character (kept out of theory data, which the test runner re-encodes).
        Assert.Equal('\uD83C', HiddenText.First("iron" + '\uD83C'));
        Assert.Equal('\uDC00', HiddenText.First("iron" + '\uDC00' + "x"));
    }
}
