package org.countygrid.metering.internal.form;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.countygrid.metering.ConsumptionService;
import org.countygrid.metering.OrderFileKind;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.internal.domain.Images;
import org.countygrid.metering.internal.domain.Kwh;
import org.countygrid.metering.internal.domain.RegisterValues;
import org.countygrid.metering.internal.domain.WorkOrder;
import org.countygrid.platform.api.Money;

/**
 * Renders the completed electronic form (电子工单) of a work order as an A4 PDF: order, customer, meters and
 * readings, the photos with their SHA-256, the customer's signature, and the history. Chinese first, English
 * second, as the console. JPEG photos are embedded as they are; PNGs are decoded at most {@value #MAX_PIXELS_SIDE}
 * pixels wide, so a large upload costs little memory.
 */
public final class FormRenderer {

    static final int MAX_PIXELS_SIDE = 1600;
    private static final float MARGIN = 50;
    private static final float LINE = 16;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ConsumptionService.DAY_ZONE);

    private final Supplier<FormFonts> fontLookup;
    private volatile FormFonts fonts;

    /** {@code fontLookup} runs at the first rendering (it reads font files), not when the module starts. */
    public FormRenderer(Supplier<FormFonts> fontLookup) {
        this.fontLookup = fontLookup;
    }

    private FormFonts fonts() {
        FormFonts f = fonts;
        if (f == null) {
            synchronized (this) {
                if (fonts == null) {
                    fonts = fontLookup.get();
                }
                f = fonts;
            }
        }
        return f;
    }

    public byte[] render(WorkOrderForm form) {
        try (PDDocument doc = new PDDocument(); FormFonts.Loaded loaded = fonts().load(doc)) {
            WorkOrder o = form.order();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Work order " + o.id() + " (" + o.type() + ")");
            info.setCreator("CountyGrid metering");
            Writer w = new Writer(doc, loaded);
            w.text(16, "电能表" + typeZh(o.type()) + "工作单  Meter " + o.type().name().toLowerCase() + " work order");
            w.gap();
            w.row("工单号 Order", o.id() + "    供电单位 Office " + form.office());
            w.row("户号 Account", o.accountNumber() + (form.customerName() == null ? "" : "    户名 Name " + form.customerName()));
            w.row("地址 Address", o.address() == null ? "—" : o.address());
            w.row("台区 Area", o.areaCode() == null ? "—" : o.areaCode());
            w.row("装表人员 Worker", o.worker());
            w.row("派单 Created", TIME.format(o.createdAt()) + " " + o.createdBy());
            w.row("完成 Completed", o.completedAt() == null ? "—" : TIME.format(o.completedAt()));
            if (o.type() != WorkOrderType.INSTALL) {
                w.gap();
                w.row("旧表 Old meter", o.oldMeter());
                w.row("止码 Final readings", registers(o.finalReadings()));
                if (form.residualBalanceFen() != null) {
                    w.row("剩余金额 Residual", Money.ofFen(form.residualBalanceFen()).toYuanString() + " 元");
                }
            }
            if (o.type() != WorkOrderType.REMOVE) {
                w.gap();
                w.row("新表 New meter", o.newMeter());
                w.row("红外抄读 Infrared", registers(o.newMeterReadings()));
            }
            w.gap();
            w.text(12, "照片 Photos");
            w.pictures(form.photos());
            w.gap();
            w.text(12, "客户签字 Customer signature: " + (o.signedBy() == null ? "—" : o.signedBy()));
            if (form.signature() != null) {
                w.pictures(List.of(form.signature()));
            }
            w.gap();
            w.text(12, "记录 History");
            for (String step : form.history()) {
                w.text(9, step);
            }
            w.gap();
            w.text(8, "CountyGrid · " + TIME.format(form.renderedAt()) + " (Asia/Shanghai)"
                    + (loaded.chinese() ? "" : " · no Chinese font installed: Chinese text shown as ?"));
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the form of work order " + form.order().id(), e);
        }
    }

    private static String typeZh(WorkOrderType type) {
        return switch (type) {
            case INSTALL -> "装表";
            case REMOVE -> "拆表";
            case REPLACE -> "换表";
        };
    }

    private static String registers(RegisterValues r) {
        if (r == null) {
            return "—";
        }
        StringBuilder b = new StringBuilder("总 total ").append(Kwh.of(r.total())).append(" kWh");
        if (r.peak() != null) {
            b.append("  峰 peak ").append(Kwh.of(r.peak()));
        }
        if (r.flat() != null) {
            b.append("  平 flat ").append(Kwh.of(r.flat()));
        }
        if (r.valley() != null) {
            b.append("  谷 valley ").append(Kwh.of(r.valley()));
        }
        if (r.errCode() != null) {
            b.append("  ERR ").append(r.errCode());
        }
        return b.toString();
    }

    /** Writes top to bottom, starting a new page when the current one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDFont font;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument doc, FormFonts.Loaded loaded) throws IOException {
            this.doc = doc;
            this.font = loaded.font();
            newPage();
        }

        void text(float size, String text) throws IOException {
            for (String line : wrap(printable(text), size)) {
                room(size + 4);
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y - size);
                content.showText(line);
                content.endText();
                y -= size + 4;
            }
        }

        void row(String label, String value) throws IOException {
            text(10, label + ":  " + (value == null ? "—" : value));
        }

        void gap() {
            y -= LINE / 2;
        }

        /** Side by side, each at most 240 × 180 pt, with the kind, meter and SHA-256 under it. */
        void pictures(List<WorkOrderForm.Picture> pictures) throws IOException {
            float x = MARGIN;
            float rowHeight = 0;
            for (WorkOrderForm.Picture p : pictures) {
                PDImageXObject image = image(p);
                float scale = Math.min(240f / image.getWidth(), 180f / image.getHeight());
                float w = image.getWidth() * scale;
                float h = image.getHeight() * scale;
                if (x + w > PDRectangle.A4.getWidth() - MARGIN) {
                    y -= rowHeight;
                    x = MARGIN;
                    rowHeight = 0;
                }
                room(h + 30);
                content.drawImage(image, x, y - h, w, h);
                caption(x, y - h - 9, p.kind() + (p.barcode() == null ? "" : " " + p.barcode()));
                caption(x, y - h - 18, "SHA-256 " + p.sha256().substring(0, 32));
                caption(x, y - h - 27, "        " + p.sha256().substring(32));
                x += w + 15;
                rowHeight = Math.max(rowHeight, h + 32);
            }
            y -= rowHeight;
        }

        private void caption(float x, float at, String text) throws IOException {
            content.beginText();
            content.setFont(font, 7);
            content.newLineAtOffset(x, at);
            content.showText(printable(text));
            content.endText();
        }

        private PDImageXObject image(WorkOrderForm.Picture p) throws IOException {
            if (Images.JPEG.equals(p.contentType())) {
                return JPEGFactory.createFromByteArray(doc, p.content());
            }
            return LosslessFactory.createFromImage(doc, decode(p.content()));
        }

        private void room(float needed) throws IOException {
            if (y - needed < MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }

        private List<String> wrap(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                line.append(text.charAt(i));
                if (font.getStringWidth(line.toString()) / 1000 * size > width) {
                    line.setLength(line.length() - 1);
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(text.charAt(i));
                }
            }
            lines.add(line.toString());
            return lines;
        }

        /** What the font cannot show (no Chinese font installed, a rare character) becomes '?'. */
        private String printable(String text) {
            StringBuilder b = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                String ch = new String(Character.toChars(c));
                try {
                    font.encode(ch);
                    b.append(ch);
                } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                    b.append('?');
                }
            });
            return b.toString();
        }
    }

    /** A PNG decoded with subsampling to at most {@link #MAX_PIXELS_SIDE} pixels a side. */
    static BufferedImage decode(byte[] png) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int side = Math.max(reader.getWidth(0), reader.getHeight(0));
                int step = Math.max(1, (side + MAX_PIXELS_SIDE - 1) / MAX_PIXELS_SIDE);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
