import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws Berth's icon — a white anchor on a sea-blue rounded square — and writes every file the
 * installers need: berth-N.png for N = 16 … 1024 (Linux, and the sources of the others),
 * berth.ico (Windows: 16–256) and berth.icns (macOS: 16–1024 with the @2x variants).
 *
 * Each size is drawn at its own resolution, not scaled down from the largest, so the small ones
 * stay crisp: below 48 px the margin shrinks and the strokes are held at a minimum width.
 * Needs only a JDK: {@code java installers/icons/IconGenerator.java installers/icons}.
 */
public final class IconGenerator {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512, 1024};
    private static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static final Color SEA_TOP = new Color(0x2B8BD8);
    private static final Color SEA_BOTTOM = new Color(0x0B3A66);
    private static final Color ANCHOR = new Color(0xFFFFFF);

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : SIZES) {
            byte[] png = png(draw(size));
            pngs.put(size, png);
            Files.write(out.resolve("berth-" + size + ".png"), png);
        }
        Files.write(out.resolve("berth.ico"), ico(pngs));
        Files.write(out.resolve("berth.icns"), icns(pngs));
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        // macOS-style breathing room at large sizes; small icons use the whole square.
        double margin = size >= 48 ? size * 0.08 : size * 0.02;
        double side = size - 2 * margin;
        g.setPaint(new GradientPaint(0, (float) margin, SEA_TOP, 0, (float) (margin + side), SEA_BOTTOM));
        g.fill(new RoundRectangle2D.Double(margin, margin, side, side, side * 0.45, side * 0.45));

        // The anchor, in units of the rounded square's side (0..1 from its top left corner).
        double stroke = Math.max(side * 0.075, 1.6);
        g.setColor(ANCHOR);
        g.setStroke(new BasicStroke((float) stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double cx = margin + side * 0.5;
        double y0 = margin;
        double ringR = side * 0.085;
        double ringY = y0 + side * 0.22;
        g.draw(new Ellipse2D.Double(cx - ringR, ringY - ringR, 2 * ringR, 2 * ringR));
        double shankTop = ringY + ringR;
        double shankBottom = y0 + side * 0.80;
        g.draw(new Line2D.Double(cx, shankTop, cx, shankBottom));
        double stockY = y0 + side * 0.41;
        g.draw(new Line2D.Double(cx - side * 0.15, stockY, cx + side * 0.15, stockY));
        // Arms: the lower part of a circle through the shank's foot, ending in two flukes.
        double armR = side * 0.28;
        double armCy = shankBottom - armR;
        g.draw(new Arc2D.Double(cx - armR, armCy - armR, 2 * armR, 2 * armR, 195, 150, Arc2D.OPEN));
        if (size >= 24) {
            // Flukes: an arrowhead at each end of the arms, pointing on along the curve.
            for (double degrees : new double[] {195, 345}) {
                double a = Math.toRadians(degrees);
                double tipX = cx + armR * Math.cos(a);
                double tipY = armCy - armR * Math.sin(a);
                // Unit tangent leaving the arc at this end (screen y points down).
                double dx = degrees < 270 ? Math.sin(a) : -Math.sin(a);
                double dy = degrees < 270 ? Math.cos(a) : -Math.cos(a);
                double barb = side * 0.10;
                Path2D head = new Path2D.Double();
                for (double turn : new double[] {Math.toRadians(40), Math.toRadians(-40)}) {
                    double bx = -(dx * Math.cos(turn) - dy * Math.sin(turn));
                    double by = -(dx * Math.sin(turn) + dy * Math.cos(turn));
                    head.moveTo(tipX + bx * barb, tipY + by * barb);
                    head.lineTo(tipX, tipY);
                }
                g.draw(head);
            }
        }
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** An .ico holding PNG images (read by Windows Vista and later, and by WiX). */
    static byte[] ico(Map<Integer, byte[]> pngs) {
        List<Integer> sizes = java.util.Arrays.stream(ICO_SIZES).boxed().toList();
        int headerSize = 6 + 16 * sizes.size();
        int total = headerSize + sizes.stream().mapToInt(s -> pngs.get(s).length).sum();
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) sizes.size());
        int offset = headerSize;
        for (int s : sizes) {
            byte[] png = pngs.get(s);
            b.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s)); // 0 means 256
            b.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            b.putInt(png.length).putInt(offset);
            offset += png.length;
        }
        for (int s : sizes) {
            b.put(pngs.get(s));
        }
        return b.array();
    }

    /** An .icns of PNG entries, as Apple's iconutil writes them: each OSType with its pixel size. */
    static byte[] icns(Map<Integer, byte[]> pngs) {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024); // 512@2x
        types.put("ic11", 32);   // 16@2x
        types.put("ic12", 64);   // 32@2x
        types.put("ic13", 256);  // 128@2x
        types.put("ic14", 512);  // 256@2x
        int total = 8 + types.values().stream().mapToInt(s -> 8 + pngs.get(s).length).sum();
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        b.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(total);
        types.forEach((type, size) -> {
            byte[] png = pngs.get(size);
            b.put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + png.length).put(png);
        });
        return b.array();
    }
}
