using System.Globalization;
using System.Text;
using System.Xml;

namespace Stackwise.Web.Seo;

/// <summary>Writes an XML document to a string whose declaration says UTF-8, the encoding it is served in.</summary>
internal static class XmlText
{
    public static string Write(Action<XmlWriter> write)
    {
        using var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
        {
            write(writer);
        }
        return text.ToString();
    }

    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
