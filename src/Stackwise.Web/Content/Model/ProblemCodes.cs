namespace Stackwise.Web.Content.Model;

/// <summary>
/// Every code a content problem can carry. docs/authoring.md lists them for editors; keep the two in step.
/// </summary>
public static class ProblemCodes
{
    public const string Unreadable = "SW001";
    public const string InvalidUtf8 = "SW002";
    public const string TooLarge = "SW003";
    public const string TooComplex = "SW004";
    public const string InternalError = "SW005";
    public const string BadLocation = "SW010";
    public const string BadSlug = "SW011";
    public const string ReservedName = "SW012";
    public const string DuplicateUrl = "SW013";
    public const string MissingFrontMatter = "SW020";
    public const string YamlSyntax = "SW021";
    public const string NotAMapping = "SW022";
    public const string UnknownField = "SW023";
    public const string DuplicateField = "SW024";
    public const string MissingField = "SW025";
    public const string WrongType = "SW026";
    public const string InvalidValue = "SW027";
    public const string TooLong = "SW028";
    public const string FieldNotAllowed = "SW029";
    public const string AnchorOrAlias = "SW030";
    public const string DocumentMarker = "SW031";
    public const string YamlTag = "SW032";
    public const string NestedTooDeep = "SW033";
    public const string TypedValue = "SW034";
    public const string UnsafeLink = "SW040";
    public const string MissingHealthRisks = "SW041";
    public const string CategorySpelling = "SW042";
    public const string RedirectConflict = "SW043";
    public const string HeadingOneInBody = "SW050";
    public const string SkippedHeadingLevel = "SW051";
    public const string EmptySection = "SW052";
    public const string BrokenLink = "SW053";
    public const string MissingImage = "SW054";
    public const string LinkToOldPath = "SW055";
    public const string ReservedPath = "SW056";
    public const string InvalidCharacter = "SW057";
    public const string FutureDate = "SW058";
    public const string FarFuturePublication = "SW059";
    public const string UnknownCitation = "SW060";
    public const string DuplicateReferenceId = "SW061";
    public const string MalformedReferenceLink = "SW062";
    public const string ReferenceWithoutTitle = "SW063";
    public const string ReferenceWithoutLink = "SW064";
    public const string UncitedReference = "SW065";
    public const string UnknownPerson = "SW066";
    public const string ReviewerWithoutDate = "SW067";
    public const string ReadingGrade = "SW068";
    public const string ImageWithoutAlt = "SW069";
    public const string MissingShareImage = "SW070";
    public const string MalformedCitation = "SW071";
    public const string Placeholder = "SW072";
    public const string MissingSection = "SW073";
    public const string TranslatesNothing = "SW074";
    public const string OlderTranslation = "SW075";
    public const string UnreviewedTranslation = "SW076";
}
