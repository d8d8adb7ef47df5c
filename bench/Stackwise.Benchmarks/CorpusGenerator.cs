using System.Globalization;
using System.Text;

namespace Stackwise.Benchmarks;

/// <summary>
/// Writes N synthetic articles shaped like the Ketamine article (front matter, an introduction, five sections
/// of two paragraphs, a health-risks list with a contraindication and an interaction), spread over folders,
/// categories and risk levels, each with a writer or two, a medical reviewer and three cited references, and the
/// synthetic people they name. The words are neutral filler, clearly synthetic; the same seed always writes the same files.
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

    /// <summary>Synthetic writers and reviewers; article N is written by writer N mod <see cref="Writers"/> (and every
    /// third by the next one too).</summary>
    public const int Writers = 20;

    public const int Reviewers = 5;

    public static void Write(string folder, int count, int seed)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(Path.Combine(folder, "people"));
        for (var i = 0; i < Writers; i++)
        {
            File.WriteAllText(Path.Combine(folder, "people", $"synthetic-writer-{i:00}.md"),
                $"---\nname: Synthetic Writer {i:00}\nrole: Synthetic writer\n---\nA synthetic person for benchmarks.\n");
        }
        for (var i = 0; i < Reviewers; i++)
        {
            File.WriteAllText(Path.Combine(folder, "people", $"synthetic-reviewer-{i}.md"),
                $"---\nname: Synthetic Reviewer {i}\ncredentials: MD\nrole: Synthetic reviewer\n---\nA synthetic person for benchmarks.\n");
        }
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
        for (var r = 0; r < 1 + (number % 4); r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - Synthetic risk {Word(random)} {Word(random)}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"  - text: Synthetic contraindication {Word(random)}\n    kind: contraindication\n");
        text.Append(CultureInfo.InvariantCulture, $"  - text: Synthetic interaction {Word(random)}\n    kind: interaction\n");
        text.Append(CultureInfo.InvariantCulture, $"tags:\n  - {Word(random)}\n  - {Word(random)}\npublished: {published:yyyy-MM-dd}\n");
        text.Append(CultureInfo.InvariantCulture, $"author: [synthetic-writer-{number % Writers:00}{(number % 3 == 0 ? $", synthetic-writer-{(number + 1) % Writers:00}" : "")}]\n");
        text.Append(CultureInfo.InvariantCulture, $"reviewedBy: synthetic-reviewer-{number % Reviewers}\nlastReviewed: {published.AddDays(30):yyyy-MM-dd}\n");
        text.Append(CultureInfo.InvariantCulture, $"references:\n");
        text.Append(CultureInfo.InvariantCulture, $"  - id: paper-{number}\n    title: Synthetic paper about {Word(random)} {Word(random)}\n    authors: [Synthetic A, Synthetic B]\n");
        text.Append(CultureInfo.InvariantCulture, $"    source: Journal of Synthetic Benchmarks\n    year: 2020\n    doi: 10.5555/synthetic.{number}\n    pmid: {10000000 + number}\n");
        text.Append(CultureInfo.InvariantCulture, $"  - id: page-{number}\n    title: Synthetic page about {Word(random)}\n    source: Synthetic Publisher\n    url: https://example.org/synthetic/{number}\n");
        text.Append(CultureInfo.InvariantCulture, $"  - id: book-{number}\n    title: Synthetic book about {Word(random)}\n    year: 2019\n    url: https://example.org/book/{number}\n");
        text.Append("---\n");
        text.Append(Paragraph(random, 110)).Append(CultureInfo.InvariantCulture, $" [@paper-{number}]\n\n");
        foreach (var (heading, index) in Headings.Select((heading, index) => (heading, index)))
        {
            text.Append("## ").Append(heading).Append("\n\n");
            var citation = index switch { 0 => $" [@page-{number}; @paper-{number}]", 2 => $" [@book-{number}]", _ => "" };
            text.Append(Paragraph(random, 75)).Append(citation).Append("\n\n").Append(Paragraph(random, 75)).Append("\n\n");
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
