using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Stackwise.Web.Content.Model;
using Stackwise.Web.Localization;
using Stackwise.Web.Tests.Support;

namespace Stackwise.Web.Tests.Localization;

/// <summary>
/// The interface's words: every language file has exactly the keys of <c>SiteText.resx</c>, with the same placeholders and
/// nothing empty, and every key the code names is there.
/// </summary>
public sealed partial class SiteTextTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "src", "Stackwise.Web", "Localization");

    /// <summary>The interface's words as the site reads them, in English (the neutral resources).</summary>
    public static IStringLocalizer<SiteText> English() =>
        new StringLocalizer<SiteText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    /// <summary>Every language file beside the English one, by its language.</summary>
    public static TheoryData<string> Languages => [.. LanguageFiles()];

    /// <summary>The languages with interface words besides English, from the files beside <c>SiteText.resx</c>.</summary>
    public static IEnumerable<string> LanguageFiles() =>
        Directory.EnumerateFiles(Folder, "SiteText.*.resx").Select(file => Path.GetFileName(file)["SiteText.".Length..^".resx".Length]);

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "", StringComparer.Ordinal);

    [Fact]
    public void SpanishIsAmongTheLanguages() => Assert.Contains("es", LanguageFiles());

    [Theory]
    [MemberData(nameof(Languages))]
    public void ALanguageHasEveryKeyOfTheEnglishFileAndNoOther(string language)
    {
        var english = Read("SiteText.resx");
        var other = Read($"SiteText.{language}.resx");

        Assert.Empty(english.Keys.Except(other.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(other.Keys.Except(english.Keys).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EachTranslationHasTheEnglishPlaceholdersAndWords(string language)
    {
        var english = Read("SiteText.resx");
        foreach (var (key, value) in Read($"SiteText.{language}.resx"))
        {
            Assert.False(string.IsNullOrWhiteSpace(value) && !string.IsNullOrWhiteSpace(english[key]), $"{language}: {key} is empty");
            Assert.True(Placeholders(english[key]).SetEquals(Placeholders(value)), $"{language}: {key} has placeholders {string.Join(' ', Placeholders(value))}, English {string.Join(' ', Placeholders(english[key]))}");
        }
    }

    [Fact]
    public void EnglishHasNoEmptyValue() => Assert.All(Read("SiteText.resx"), entry => Assert.False(entry.Value.Length == 0, entry.Key));

    [Theory]
    [MemberData(nameof(Languages))]
    [InlineData("en")]
    public void EachLanguagesDateFormatWritesEveryDayOfAYear(string language)
    {
        var format = Read(language == "en" ? "SiteText.resx" : $"SiteText.{language}.resx")["Date.Format"];
        var culture = CultureInfo.GetCultureInfo(language);
        for (var day = new DateOnly(2028, 1, 1); day.Year == 2028; day = day.AddDays(1))
        {
            var written = day.ToString(format, culture);
            Assert.Equal(day, DateOnly.ParseExact(written, format, culture));
            Assert.Contains(culture.DateTimeFormat.GetMonthName(day.Month), written, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en", "12,345")]
    [InlineData("es", "12.345")]
    public void NumbersAreGroupedAsTheLanguageWritesThem(string language, string expected)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
        try
        {
            Assert.Equal(expected, English().Number(12345));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void EveryKeyTheCodeNamesIsInTheEnglishFile()
    {
        var english = Read("SiteText.resx");
        var named = KeysNamedInTheCode().ToList();

        // The scan must find the keys it looks for (a broken pattern would find none and pass).
        Assert.True(named.Count > 80, $"only {named.Count} keys found in the code");
        Assert.Empty(named.Where(key => !english.ContainsKey(key)).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryRiskLevelHasItsBadgeAndListTitle()
    {
        var english = Read("SiteText.resx");
        Assert.All(Enum.GetValues<RiskLevel>(), risk =>
        {
            Assert.True(english.ContainsKey($"Risk.{risk}"), risk.ToString());
            Assert.True(english.ContainsKey($"Risk.{risk}.Articles"), risk.ToString());
        });
    }

    [Theory]
    [InlineData("Layout.Disclaimer", "a <b> & c", "<a href=\"/terms\">Terms</a>")]
    public void AnHtmlSentenceEncodesItsOwnWordsAndKeepsItsParts(string key, string words, string link)
    {
        var text = new FixedText(key, $"{words} {{0}} {words}");

        var html = Html(text.Html(key, new Microsoft.AspNetCore.Html.HtmlString(link)));

        Assert.Equal($"a &lt;b&gt; &amp; c {link} a &lt;b&gt; &amp; c", html);
    }

    /// <summary>
    /// The keys each <c>T[...]</c>, <c>text[...]</c>, <c>.Html(...)</c> and <c>.Count(...)</c> in the web project names as a
    /// literal (a count's key stands for its <c>.One</c> and <c>.Other</c> forms).
    /// </summary>
    private static IEnumerable<string> KeysNamedInTheCode()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src", "Stackwise.Web");
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(file => (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (var line in File.ReadLines(file))
            {
                var uses = Use().Matches(line);
                Match? counted = null;
                foreach (Match key in KeyLiteral().Matches(line))
                {
                    // The key belongs to the nearest use before it; the first key after a count is the counted one.
                    if (uses.LastOrDefault(use => use.Index < key.Index) is not { } use)
                    {
                        continue;
                    }
                    if (use.Groups["call"].Value == "Count" && counted != use)
                    {
                        counted = use;
                        yield return key.Groups[1].Value + ".One";
                        yield return key.Groups[1].Value + ".Other";
                    }
                    else
                    {
                        yield return key.Groups[1].Value;
                    }
                }
            }
        }
    }

    private static HashSet<string> Placeholders(string value) =>
        [.. SiteTextExtensions.Placeholder().Matches(value).Select(match => match.Value)];

    private static string Html(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    // A use of the interface's words: T["..."], text["..."], T.Html("..."), text.Count("...").
    [GeneratedRegex(@"\b(?:T|text)(?:\[|\.(?<call>Html|Count)\()")]
    private static partial Regex Use();

    // A key: dotted words, each starting with a capital letter or digit ("Layout.Terms", "Error.404.Text").
    [GeneratedRegex(@"""([A-Z][A-Za-z]*(?:\.[A-Z0-9][A-Za-z0-9]*)+)""")]
    private static partial Regex KeyLiteral();

    /// <summary>One resource string, for the markup helper.</summary>
    private sealed class FixedText(string key, string value) : IStringLocalizer<SiteText>
    {
        public LocalizedString this[string name] => new(name, name == key ? value : name, resourceNotFound: name != key);

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [this[key]];
    }
}
