using QRCoder;

namespace CommandCenter.Web.Features.Streets;

/// <summary>
/// The 公示牌's QR code: it opens the public 随手拍 report form with the street filled in (<c>/report?street=S001</c>), so a
/// passer-by reports without an account. <c>NoticeBoard:PublicUrl</c> sets the address printed boards point at (behind a proxy); else the
/// address the board was opened at.
/// </summary>
public static class NoticeBoardCode
{
    public static string ReportUrl(string baseUrl, string streetId) => $"{baseUrl.TrimEnd('/')}/report?street={Uri.EscapeDataString(streetId)}";

    public static string BaseUrl(IConfiguration config, HttpRequest request) =>
        config["NoticeBoard:PublicUrl"] is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The QR code of <paramref name="text"/> as a PNG, black on white, with its quiet zone.</summary>
    public static byte[] Png(string text, int pixelsPerModule = 10) =>
        PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, pixelsPerModule);
}
