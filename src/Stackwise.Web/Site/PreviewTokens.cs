using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Stackwise.Web.Site;

/// <summary>
/// The signed part of a preview link: the article's URL and when the link expires, signed with HMAC-SHA256 and the site's
/// <c>Site:PreviewKey</c>. <c>{payload}.{signature}</c>, both base64url; the payload is <c>1|{url}|{expires, Unix seconds}</c>.
/// </summary>
public static class PreviewTokens
{
    public const int DefaultDays = 7;
    public const int MaxDays = 90;

    /// <summary>Longer than any token the site makes (a URL is at most a few hundred characters): refused unread.</summary>
    private const int MaxLength = 1024;

    private const string Version = "1";

    public static string Create(string url, DateTimeOffset expires, string key)
    {
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}|{url}|{expires.ToUnixTimeSeconds()}"));
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(Sign(payload, key))}";
    }

    /// <summary>The URL a token was made for, when it was signed with <paramref name="key"/> and has not expired.</summary>
    public static bool TryRead(string token, string key, DateTimeOffset now, out string url)
    {
        url = "";
        if (key.Length == 0 || token.Length > MaxLength || token.Split('.') is not [var encodedPayload, var encodedSignature])
        {
            return false;
        }
        byte[] payload, signature;
        try
        {
            payload = WebEncoders.Base64UrlDecode(encodedPayload);
            signature = WebEncoders.Base64UrlDecode(encodedSignature);
        }
        catch (FormatException)
        {
            return false;
        }
        // Compared in constant time, and before the payload is read: nothing about an unsigned payload is looked at.
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload, key)))
        {
            return false;
        }
        if (Encoding.UTF8.GetString(payload).Split('|') is not [Version, var signedUrl, var expires]
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds <= now.ToUnixTimeSeconds())
        {
            return false;
        }
        url = signedUrl;
        return true;
    }

    private static byte[] Sign(byte[] payload, string key) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), payload);
}
