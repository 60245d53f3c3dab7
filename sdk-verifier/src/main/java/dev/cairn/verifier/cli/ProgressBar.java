package dev.cairn.verifier.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error for long runs: how much of the input is done, the rate
 * of items, and the time left. It redraws at most every {@link #REDRAW_NANOS} and appears only after
 * {@link #DELAY_NANOS}, so that short runs never show one. It is never written to standard output.
 *
 * <p>Progress is measured in the unit of {@code total} (for example bytes of input), items are
 * counted separately (for example documents or checkpoints); with an unknown total the bar shows
 * the count and the rate only. Not thread-safe: one verifying thread drives it.
 */
final class ProgressBar implements AutoCloseable {
    /** A bar that shows nothing. */
    static final ProgressBar NONE = new ProgressBar(null, "", -1, "", System::nanoTime);

    /** Least time between two redraws. */
    static final long REDRAW_NANOS = 100_000_000L;

    /** How long a run goes before the bar first appears. */
    static final long DELAY_NANOS = 300_000_000L;

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private final long total;
    private final String unit;
    private final LongSupplier nanoTime;
    private final long started;
    private long done;
    private long items;
    private long lastDraw = Long.MIN_VALUE;
    private boolean drawn;

    private ProgressBar(PrintStream err, String label, long total, String unit, LongSupplier nanoTime) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    /**
     * Starts a bar, or {@link #NONE} when progress is off.
     *
     * @param console where standard error is and whether it is a terminal
     * @param forced whether {@code --progress} was given
     * @param label what is being done, such as {@code proofs}
     * @param total the amount of work in its unit, or -1 if unknown
     * @param unit the name of the counted items, such as {@code documents}
     * @return the bar
     */
    static ProgressBar start(Console console, boolean forced, String label, long total, String unit) {
        if (!forced && !console.stderrIsTerminal()) {
            return NONE;
        }
        return new ProgressBar(console.err(), label, total, unit, console.nanoTime());
    }

    /**
     * Records progress and redraws if it is time.
     *
     * @param doneSoFar the work done, in the unit of the total
     * @param itemsSoFar the items done
     */
    void update(long doneSoFar, long itemsSoFar) {
        if (err == null) {
            return;
        }
        this.done = doneSoFar;
        this.items = itemsSoFar;
        long now = nanoTime.getAsLong();
        if (now - started >= DELAY_NANOS && (lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS)) {
            draw(now);
        }
    }

    /** Removes the bar from the terminal line, so that other output starts on a clean line. */
    void clear() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
            lastDraw = Long.MIN_VALUE;
        }
    }

    /** Draws the final state, if the bar was ever shown, and ends its line. */
    @Override
    public void close() {
        if (err != null && lastDraw != Long.MIN_VALUE) {
            draw(nanoTime.getAsLong());
            err.println();
            err.flush();
            drawn = false;
        }
    }

    private void draw(long now) {
        err.print("\r\033[K" + render(now));
        err.flush();
        drawn = true;
        lastDraw = now;
    }

    /**
     * The bar's text at a time.
     *
     * @param now the time, in the clock's nanoseconds
     * @return one line without line end
     */
    String render(long now) {
        double seconds = Math.max(now - started, 1) / 1e9;
        double rate = items / seconds;
        StringBuilder line = new StringBuilder(label).append(' ');
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * WIDTH);
            line.append('[')
                    .append("=".repeat(filled))
                    .append(" ".repeat(WIDTH - filled))
                    .append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", Math.round(fraction * 100)));
        }
        line.append(items).append(' ').append(unit).append(String.format(Locale.ROOT, "  %.1f/s", rate));
        if (total > 0 && done > 0 && done < total) {
            long eta = Math.round(seconds * (total - done) / done);
            line.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
        }
        return line.toString();
    }
}
