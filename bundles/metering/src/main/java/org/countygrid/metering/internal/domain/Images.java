package org.countygrid.metering.internal.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.countygrid.platform.api.ValidationException;

/**
 * Checks an uploaded photo or signature before anything is stored: within the size limit, a JPEG or PNG by its
 * first bytes (the declared content type must agree), of sane dimensions by its header, and then decoded whole —
 * subsampled to about a megapixel, so a large photo costs little memory — so that a truncated or damaged file is
 * refused now, while the worker can still take it again, and not when the completed form is rendered.
 */
public final class Images {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    /** 50 megapixels: more than any phone camera, less than a decompression bomb. */
    static final long MAX_PIXELS = 50_000_000L;
    /** The decode that proves a photo whole reads about this many pixels of it (every n-th row and column). */
    static final long DECODE_PIXELS = 1_000_000L;
    static final String DAMAGED = "is damaged or cut off; take it again";
    private static final java.util.regex.Pattern DAMAGE_WARNING = java.util.regex.Pattern.compile(
            "premature end|corrupt|truncated", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A checked image. */
    public record Image(String contentType, int width, int height, byte[] content, String sha256) {
    }

    private Images() {
    }

    /**
     * @param field       the request field named in the 400
     * @param declared    the content type the client sent (parameters such as charset are ignored)
     * @param pngOnly     signatures are drawn on the phone and sent as PNG
     */
    public static Image check(String field, String declared, byte[] content, long maxBytes, boolean pngOnly) {
        if (content == null || content.length == 0) {
            throw new ValidationException(field, "is empty");
        }
        if (content.length > maxBytes) {
            throw new ValidationException(field, "is larger than " + maxBytes + " bytes");
        }
        String detected = detect(content);
        if (detected == null || (pngOnly && !PNG.equals(detected))) {
            throw new ValidationException(field, pngOnly ? "must be a PNG image" : "must be a JPEG or PNG image");
        }
        String type = declared == null ? null : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type != null && !type.isEmpty() && !type.equals(detected) && !type.equals("application/octet-stream")) {
            throw new ValidationException(field, "is declared as " + type + " but is " + detected);
        }
        int[] size = decode(field, content);
        return new Image(detected, size[0], size[1], content, sha256(content));
    }

    /** The image type by its signature bytes, or null. */
    static String detect(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return PNG;
        }
        return null;
    }

    private static int[] decode(String field, byte[] content) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ValidationException(field, "is not a readable image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new ValidationException(field, "is not a readable image");
                }
                if ((long) width * height > MAX_PIXELS) {
                    throw new ValidationException(field, "has more than " + MAX_PIXELS + " pixels");
                }
                ImageReadParam every = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / DECODE_PIXELS)));
                every.setSourceSubsampling(step, step, 0, 0);
                List<String> warnings = new ArrayList<>();
                // a JPEG cut off or garbled decodes with a warning ("Premature end of JPEG file", "Corrupt JPEG data: …"),
                // not an exception; other warnings (an invalid ICC profile, a thumbnail marker) leave the picture whole
                reader.addIIOReadWarningListener((source, warning) -> {
                    // "Corrupt JPEG data: N extraneous bytes before marker" comes from whole pictures of some cameras
                    if (DAMAGE_WARNING.matcher(warning).find() && !warning.contains("extraneous bytes")) {
                        warnings.add(warning);
                    }
                });
                try {
                    reader.read(0, every);
                } catch (IOException | RuntimeException e) {
                    throw new ValidationException(field, DAMAGED);
                }
                if (!warnings.isEmpty()) {
                    throw new ValidationException(field, DAMAGED);
                }
                return new int[] { width, height };
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException(field, "is not a readable image");
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
