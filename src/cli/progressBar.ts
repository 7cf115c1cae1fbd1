import type { CliIO } from "./command";

const WIDTH = 24;

/**
 * A one-line progress bar on standard error for long reads: bytes read of the total, percent
 * and throughput, redrawn at most every 100 ms. `done()` clears the line.
 */
export function createProgressBar(io: CliIO, totalBytes: number, now: () => number = Date.now) {
  const started = now();
  let lastDrawn = -Infinity;
  const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);
  return {
    update({ bytesRead }: { bytesRead: number }): void {
      const time = now();
      if (time - lastDrawn < 100 && bytesRead < totalBytes) return;
      lastDrawn = time;
      const share = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 1;
      const filled = Math.round(share * WIDTH);
      const seconds = Math.max((time - started) / 1000, 1e-3);
      io.stderr(
        `\r[${"#".repeat(filled)}${" ".repeat(WIDTH - filled)}] ${megabytes(bytesRead)} / ${megabytes(totalBytes)} MB ` +
          `(${Math.round(share * 100)} %) ${megabytes(bytesRead / seconds)} MB/s`,
      );
    },
    done(): void {
      if (lastDrawn > -Infinity) io.stderr("\r\x1b[2K");
    },
  };
}

/** A progress bar for a read whose size the first progress report gives (`TallyProgress.totalBytes`): nothing is drawn until then. */
export function streamProgressBar(io: CliIO) {
  let bar: ReturnType<typeof createProgressBar> | undefined;
  return {
    update(progress: { bytesRead: number; totalBytes?: number }): void {
      bar ??= createProgressBar(io, progress.totalBytes ?? 0);
      bar.update(progress);
    },
    done(): void {
      bar?.done();
    },
  };
}
