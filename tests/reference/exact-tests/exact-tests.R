# Reference p-values for binomialTest and fisherExactTest at small, medium and huge n (issue 18).
# Run: Rscript exact-tests.R > exact-tests.json   (R 4.2.2, stats package)
# binom.test's two-sided rule allocates dbinom over the whole support, so n stops at 1e7 here
# (n = 1e9 needs some 8 GB); the issue's R value for n = 1e9 (0.993228) is checked separately.
binom <- list(
  c(7, 20, 0.3), c(682, 925, 0.75), c(3000, 10000, 0.31), c(29, 100000, 0.0002),
  c(5001234, 1e7, 0.5), c(3001234, 1e7, 0.3), c(2999000, 1e7, 0.3), c(2, 1e7, 1e-7), c(1e7 - 3, 1e7, 0.9999999)
)
fisher <- list(
  c(3, 1, 1, 3), c(10, 20, 30, 15), c(120, 80, 95, 110),
  c(1e7, 5000, 10000, 5), c(5000, 10000, 10000, 19980),
  c(2e6, 1e6, 999000, 501000)
)
line <- function(fields) paste0("  {", paste(fields, collapse = ", "), "}")
out <- c()
for (b in binom) {
  for (alt in c("two.sided", "less", "greater")) {
    p <- binom.test(b[1], b[2], p = b[3], alternative = alt)$p.value
    out <- c(out, line(c(sprintf('"test": "binom.test", "x": %.0f, "n": %.0f, "p0": %.17g', b[1], b[2], b[3]),
      sprintf('"alternative": "%s", "pValue": %.17g', alt, p))))
  }
}
for (f in fisher) {
  for (alt in c("two.sided", "less", "greater")) {
    p <- fisher.test(matrix(f, 2, byrow = TRUE), alternative = alt)$p.value
    out <- c(out, line(c(sprintf('"test": "fisher.test", "table": [[%.0f, %.0f], [%.0f, %.0f]]', f[1], f[2], f[3], f[4]),
      sprintf('"alternative": "%s", "pValue": %.17g', alt, p))))
  }
}
cat("[\n", paste(out, collapse = ",\n"), "\n]\n", sep = "")
