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
# r x c tables (issue 14): R's own examples from ?fisher.test (Job satisfaction, Mehta & Patel's
# MP6), the issue's 3 x 4 with n = 325, and sparse and lopsided tables. R's default workspace
# (200000) refuses some of them ("FEXACT error 6/7"), so each is run with a workspace large
# enough; the p-value does not depend on it.
rxc <- list(
  job = matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, 4, byrow = TRUE),
  mp6 = rbind(c(1, 2, 2, 1, 1, 0, 1), c(2, 0, 0, 2, 3, 0, 0), c(0, 1, 1, 1, 2, 7, 3),
              c(1, 1, 2, 0, 0, 0, 1), c(0, 1, 1, 1, 1, 0, 0)),
  n325 = matrix(c(20, 15, 30, 25, 40, 30, 20, 35, 25, 30, 25, 30), 3, 4, byrow = TRUE),
  sparse = matrix(c(3, 0, 0, 1, 0, 4, 0, 0, 1, 0, 5, 0, 0, 1, 0, 2), 4, 4, byrow = TRUE),
  twoByFive = matrix(c(2, 7, 1, 0, 5, 9, 3, 8, 6, 1), 2, 5, byrow = TRUE),
  sixByTwo = matrix(c(5, 1, 3, 4, 0, 6, 7, 2, 1, 1, 4, 4), 6, 2, byrow = TRUE),
  fourByFive = matrix(c(8, 3, 5, 2, 9, 4, 6, 2, 7, 1, 3, 8, 6, 2, 5, 7, 2, 4, 6, 3), 4, 5, byrow = TRUE),
  threeByThree = matrix(c(12, 5, 9, 7, 14, 3, 2, 6, 11), 3, 3, byrow = TRUE),
  lopsided = matrix(c(150, 2, 1, 3, 40, 0, 2, 1, 25), 3, 3, byrow = TRUE)
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
for (name in names(rxc)) {
  x <- rxc[[name]]
  p <- fisher.test(x, workspace = 2e7)$p.value
  rows <- paste0("[", apply(x, 1, paste, collapse = ", "), "]", collapse = ", ")
  out <- c(out, line(c(sprintf('"test": "fisher.test r x c", "name": "%s", "table": [%s]', name, rows),
    sprintf('"alternative": "two.sided", "pValue": %.17g', p))))
}
cat("[\n", paste(out, collapse = ",\n"), "\n]\n", sep = "")
