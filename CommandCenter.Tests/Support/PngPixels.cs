using System.Buffers.Binary;
using System.IO.Compression;

namespace CommandCenter.Tests.Support;

/// <summary>
/// A small PNG reader for what tests decode: non-interlaced greyscale, RGB, palette and RGBA images of 1–8 bits per
/// sample (QRCoder's 1-bit palette PNGs, Chromium's screenshots). Gives one 8-bit luminance value per pixel.
/// </summary>
public static class PngPixels
{
    public static (byte[] Luminance, int Width, int Height) Read(byte[] png)
    {
        ReadOnlySpan<byte> signature = [137, 80, 78, 71, 13, 10, 26, 10];
        if (!png.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("not a PNG");
        }
        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        byte[]? palette = null;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    if (data[12] != 0)
                    {
                        throw new InvalidDataException("interlaced PNGs are not read here");
                    }
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }
            at += 12 + length;
        }
        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new InvalidDataException($"colour type {colorType}") };
        if (bitDepth > 8)
        {
            throw new InvalidDataException("16-bit PNGs are not read here");
        }
        var bitsPerPixel = channels * bitDepth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var bpp = Math.Max(1, bitsPerPixel / 8);
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        var previous = new byte[stride];
        var line = new byte[stride];
        var luminance = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            Array.Copy(bytes, y * (stride + 1) + 1, line, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? line[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                });
            }
            for (var x = 0; x < width; x++)
            {
                luminance[y * width + x] = Pixel(line, x, bitDepth, colorType, palette);
            }
            (previous, line) = (line, previous);
        }
        return (luminance, width, height);
    }

    private static byte Pixel(byte[] line, int x, int bitDepth, int colorType, byte[]? palette)
    {
        int Sample(int index)
        {
            if (bitDepth == 8)
            {
                return line[index];
            }
            var bit = index * bitDepth;
            var value = (line[bit / 8] >> (8 - bitDepth - bit % 8)) & ((1 << bitDepth) - 1);
            return colorType == 3 ? value : value * 255 / ((1 << bitDepth) - 1);
        }
        static byte Grey(int r, int g, int b) => (byte)((r * 299 + g * 587 + b * 114) / 1000);
        return colorType switch
        {
            0 or 4 => (byte)Sample(x * (colorType == 4 ? 2 : 1)),
            2 or 6 => Grey(line[x * (colorType == 6 ? 4 : 3)], line[x * (colorType == 6 ? 4 : 3) + 1], line[x * (colorType == 6 ? 4 : 3) + 2]),
            _ => Grey(palette![Sample(x) * 3], palette[Sample(x) * 3 + 1], palette[Sample(x) * 3 + 2]),
        };
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
