using System.Text;
using Stackwise.Web.Content.Model;

namespace Stackwise.Web.Tests.Content;

/// <summary>Slugs in any script: what a title becomes, and which names a file may have.</summary>
public sealed class SlugsTests
{
    /// <summary>One synthetic title per script family the site serves, and the slug each becomes.</summary>
    public static TheoryData<string, string, string> Scripts => new()
    {
        { "Latin", "Thérapie Café Straße", "therapie-cafe-straße" },
        { "Cyrillic", "Терапия Йога сна", "терапия-йога-сна" },
        { "Greek", "Θεραπεία Ύπνου", "θεραπεία-ύπνου" },
        { "Arabic", "العلاج بالنوم ٣", "العلاج-بالنوم-٣" },
        { "Hebrew", "טיפול בשינה", "טיפול-בשינה" },
        { "Devanagari", "योग चिकित्सा", "योग-चिकित्सा" },
        { "Thai", "การบำบัด การนอน", "การบำบัด-การนอน" },
        { "Chinese", "睡眠疗法：指南", "睡眠疗法-指南" },
        { "Japanese", "睡眠療法 ｶﾞｲﾄﾞ", "睡眠療法-ガイド" },
        { "Korean", "수면 치료", "수면-치료" },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ATitleInAnyScriptBecomesASlugInThatScript(string script, string title, string slug)
    {
        var made = Slugs.FromText(title);

        Assert.True(slug == made, $"{script}: `{title}` became `{made}`, not `{slug}`");
        Assert.True(ContentPath.IsValidSlug(slug), $"{script}: `{slug}` is not a valid slug");
        Assert.True(made!.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Psychedelic Therapy", "psychedelic-therapy")]
    [InlineData("Ｖｉｔａｍｉｎ Ｄ３", "vitamin-d3")]
    [InlineData("ﬁsh oil", "fish-oil")]
    [InlineData("Vi\u0323\u0302t Nam", "vit-nam")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("ΥΠΝΟΣ ΚΑΙ ΣΩΜΑ", "υπνος-και-σωμα")]
    [InlineData("Σ", "σ")]
    [InlineData("Łódź", "łodz")]
    [InlineData("co\u00ADoperate", "cooperate")]
    [InlineData("می\u200Cخواهم", "می\u200Cخواهم")]
    [InlineData("\u0301alone", "alone")]
    [InlineData("一𠀀二", "一-二")]
    [InlineData("ok\uD800fine", "ok-fine")]
    public void EdgeCasesOfTheRules(string title, string slug)
    {
        // Full-width forms and ligatures fold; a mark leaves a Latin letter and is never alone; joiners and soft hyphens
        // are no break; a character outside the Basic Multilingual Plane, or a lone surrogate, is one.
        var expected = slug.Replace("\u200C", "", StringComparison.Ordinal);
        Assert.Equal(expected, Slugs.FromText(title));
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("\u0301\u0302")]
    [InlineData("😀")]
    [InlineData("")]
    public void TextWithoutALetterOrDigitHasNoSlug(string title) => Assert.Null(Slugs.FromText(title));

    /// <summary>
    /// The class of every title: random strings drawn from letters of every script family, marks, digits, punctuation,
    /// spaces, joiners and compatibility forms. Each slug is valid, in NFC, its own slug, and none is made of nothing.
    /// </summary>
    [Fact]
    public void EverySlugMadeIsValidAndItsOwnSlug()
    {
        string[] pool =
        [
            "a", "Z", "é", "ß", "Ł", "ǅ", "5", "Я", "й", "Σ", "ς", "ά", "ع", "ـ", "ٌ", "٣", "ש", "ּ", "क", "ि", "्", "२", "ก", "ำ", "้",
            "中", "ガ", "ｶ", "ﾞ", "ー", "한", "ㄱ", "\u1100", "\u1161", " ", "-", "_", ".", "/", "\t", "\u200C", "\u200D", "\u00AD", "\u200F",
            "\u0301", "\u0308", "Ａ", "ﬁ", "ﻻ", "😀", "\uD800", "’", "·",
        ];
        var random = new Random(38);
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pool[random.Next(pool.Length)]));
            var slug = Slugs.FromText(text);
            if (slug is null)
            {
                continue;
            }
            Assert.True(ContentPath.IsValidSlug(slug), $"`{text}` made `{slug}`, which is not a valid slug");
            Assert.True(slug.IsNormalized(NormalizationForm.FormC), $"`{text}` made `{slug}`, not in NFC");
            Assert.Equal(slug, Slugs.FromText(slug));
        }
    }

    [Theory]
    [InlineData("therapies/kétamine.md")]
    [InlineData("therapies/ke\u0301tamine.md")]
    [InlineData("therapies/Терапия.md")]
    [InlineData("therapies/ｶﾞｲﾄﾞ.md")]
    [InlineData("therapies/睡眠療法--ガイド.md")]
    [InlineData("therapies/טיפול_בשינה.md")]
    public void ANameThatIsNotItsOwnSlugIsRefused(string file)
    {
        Assert.False(ContentPath.TryParse(file, out _, out var problem));
        Assert.Equal(ProblemCodes.BadSlug, problem.Code);
    }

    [Fact]
    public void AFileNameSavedDecomposedClaimsTheUrlOfItsComposedForm()
    {
        var decomposed = "수면-치료".Normalize(NormalizationForm.FormD);

        Assert.True(ContentPath.TryParse($"therapies/{decomposed}.md", out var path, out _));
        Assert.Equal("/therapies/수면-치료", path.Url);
        Assert.Equal($"therapies/{decomposed}.md", path.File);
    }
}
