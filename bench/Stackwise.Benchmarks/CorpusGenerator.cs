using System.Globalization;
using System.Text;

namespace Stackwise.Benchmarks;

/// <summary>
/// Writes N synthetic articles shaped like the Ketamine article (front matter, an introduction, five sections
/// of two paragraphs, a health-risks list), spread over folders, categories and risk levels. The words are
/// neutral filler, clearly synthetic; the same seed always writes the same files.
/// </summary>
public static class CorpusGenerator
{
    public static readonly string[] Sections = ["therapies", "supplements", "practices", "nutrition", "devices"];

    public static readonly string[] Categories =
        ["Synthetic Category One", "Synthetic Category Two", "Synthetic Category Three", "Synthetic Category Four",
         "Synthetic Category Five", "Synthetic Category Six", "Synthetic Category Seven", "Synthetic Category Eight"];

    public static readonly string[] Headings =
        ["How It Works", "Benefits For Your Health", "The Science Behind It", "Treatment Protocol", "What to Watch Out For"];

    public static readonly string[] Words =
    [
        "window", "garden", "river", "lantern", "meadow", "harbor", "pencil", "violet", "canyon", "marble", "orchard", "cobalt",
        "timber", "saddle", "beacon", "pebble", "thistle", "copper", "willow", "quartz", "falcon", "ember", "glacier", "juniper",
        "kettle", "ladder", "mosaic", "nectar", "oyster", "prairie", "quiver", "ripple", "summit", "tundra", "umbrella", "velvet",
        "walnut", "yonder", "zephyr", "anchor", "basket", "candle", "dune", "engine", "feather", "gravel", "hollow", "island",
        "jigsaw", "kernel", "lagoon", "magnet", "needle", "onion", "parcel", "quill", "rocket", "shadow", "tablet", "urchin",
        "vessel", "wagon", "yarn", "zenith", "amber", "bramble", "cedar", "delta", "estuary", "fjord", "granite", "heather",
        "indigo", "jasmine", "kiln", "lichen", "mantle", "nimbus", "obsidian", "pumice", "quarry", "reef", "sierra", "thicket",
        "upland", "valley", "wharf", "basalt", "cirrus", "drizzle", "ferrous", "gossamer", "hazel", "ivory", "jetty", "kestrel",
        "the", "and", "of", "with", "in", "a", "on", "for", "about", "between", "while", "which", "often", "through",
    ];

    public static void Write(string folder, int count, int seed)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(Path.Combine(folder, "pages"));
        File.WriteAllText(Path.Combine(folder, "pages", "terms.md"), "---\ntitle: Synthetic Terms\nsummary: Synthetic terms page.\n---\nSynthetic text.\n");
        File.WriteAllText(Path.Combine(folder, "pages", "privacy.md"), "---\ntitle: Synthetic Privacy\nsummary: Synthetic privacy page.\n---\nSynthetic text.\n");
        File.WriteAllText(Path.Combine(folder, "pages", "about.md"), "---\ntitle: Synthetic About\nsummary: Synthetic about page.\n---\nSynthetic text.\n");
        File.WriteAllText(Path.Combine(folder, "pages", "risk-levels.md"),
            "---\ntitle: Synthetic Risk Levels\nsummary: Synthetic risk levels page.\n---\nSynthetic text.\n\n## Low Risk\n\nText.\n\n## Moderate Risk\n\nText.\n\n## High Risk\n\nText.\n");
        for (var i = 0; i < count; i++)
        {
            var section = Sections[i % Sections.Length];
            Directory.CreateDirectory(Path.Combine(folder, section));
            File.WriteAllText(Path.Combine(folder, section, $"synthetic-article-{i:00000}.md"), Article(i, random));
        }
    }

    public static string Article(int number, Random random)
    {
        var text = new StringBuilder();
        var title = $"Synthetic {Capitalize(Word(random))} {Capitalize(Word(random))} {number:00000}";
        var published = new DateOnly(2020, 1, 1).AddDays(number % 2000);
        text.Append(CultureInfo.InvariantCulture, $"---\ntitle: {title}\ncategory: {Categories[number % Categories.Length]}\n");
        text.Append(CultureInfo.InvariantCulture, $"risk: {(number % 3) switch { 0 => "low", 1 => "moderate", _ => "high" }}\n");
        text.Append(CultureInfo.InvariantCulture, $"summary: A synthetic benchmark article about {Word(random)} and {Word(random)}, number {number}.\n");
        text.Append("healthRisks:\n");
        for (var r = 0; r < 3 + (number % 4); r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - Synthetic risk {Word(random)} {Word(random)}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"tags:\n  - {Word(random)}\n  - {Word(random)}\npublished: {published:yyyy-MM-dd}\n---\n");
        text.Append(Paragraph(random, 110)).Append("\n\n");
        foreach (var heading in Headings)
        {
            text.Append("## ").Append(heading).Append("\n\n");
            text.Append(Paragraph(random, 75)).Append("\n\n").Append(Paragraph(random, 75)).Append("\n\n");
        }
        return text.ToString();
    }

    private static string Paragraph(Random random, int words)
    {
        var text = new StringBuilder(Capitalize(Word(random)));
        for (var w = 1; w < words; w++)
        {
            text.Append(w % 15 == 0 ? ". " : " ").Append(w % 15 == 0 ? Capitalize(Word(random)) : Word(random));
        }
        return text.Append('.').ToString();
    }

    public static string Word(Random random) => Words[random.Next(Words.Length)];

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
