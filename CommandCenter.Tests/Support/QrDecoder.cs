using ZXing;
using ZXing.Common;

namespace CommandCenter.Tests.Support;

/// <summary>Reads the text of a QR code in a PNG (ZXing.Net on the pixels of <see cref="PngPixels"/>).</summary>
public static class QrDecoder
{
    public static string? Decode(byte[] png)
    {
        var (luminance, width, height) = PngPixels.Read(png);
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
        };
        return reader.Decode(new RGBLuminanceSource(luminance, width, height, RGBLuminanceSource.BitmapFormat.Gray8))?.Text;
    }
}
