namespace Stackwise.Web.Content.Parsing;

/// <summary>
/// What an editor most likely did, for the YAML parser's syntax errors that do not say it. YamlDotNet gives these
/// errors no code or type of their own, so this is the one place that reads its message text;
/// <c>YamlSyntaxHintsTests</c> feeds YamlDotNet each mistake and fails when its wording changes.
/// </summary>
internal static class YamlSyntaxHints
{
    public const string QuoteAColon = "; a value that contains `: ` must be written in quotes, like `title: \"Sleep: A Guide\"`";

    /// <param name="yamlMessage">The message of YamlDotNet's exception (or of its inner exception).</param>
    public static string For(string yamlMessage) =>
        yamlMessage.Contains("Mapping values are not allowed in this context", StringComparison.Ordinal)
            || yamlMessage.Contains("found invalid mapping", StringComparison.Ordinal)
            ? QuoteAColon
            : "";
}
