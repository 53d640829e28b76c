using System.Text;
using QRCoder;

namespace Portal.Pages;

/// <summary>
/// A QR code as an SVG image in a data URI (QRCoder): no script and nothing inline that the Content-Security-Policy
/// would have to allow (img-src permits data:).
/// </summary>
public static class QrCodes
{
    public static string SvgDataUri(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(5);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
