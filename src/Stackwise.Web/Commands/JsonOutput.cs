using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Stackwise.Web.Commands;

/// <summary>JSON a command prints: indented UTF-8, non-ASCII text kept as written (it is a file, never HTML).</summary>
public static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(TextWriter output, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        await using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }
        await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>A value of a report's cell: text, a number, a list of texts or null.</summary>
    public static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case int number:
                json.WriteNumber(name, number);
                break;
            case IEnumerable<string> list:
                json.WriteStartArray(name);
                foreach (var item in list)
                {
                    json.WriteStringValue(item);
                }
                json.WriteEndArray();
                break;
            default:
                json.WriteString(name, value.ToString());
                break;
        }
    }
}
