# Sison-Glaz simultaneous multinomial intervals, written here from the paper alone, as a slow
# reference for src/stats/sisonGlaz.ts (the MultinomialCI package is not packaged for Debian).
# Sison & Glaz (1995), "Simultaneous confidence intervals and sample size determination for
# multinomial proportions", JASA 90:366-369: the box [x_i - c, x_i + c] (cut to [0, N]) has
# multinomial probability nu(c) approximated by formula (1), from independent Poisson(x_i)
# variables truncated to their boxes, with an Edgeworth expansion of their sum; c is the largest
# box whose nu(c) < 1 - alpha (searched one step at a time from c = 0, taking nu(0) as 0, as May &
# Johnson's reference code does) and the interval is [p_i - c/N, p_i + (c + 2 gamma)/N], clipped.
# Every truncated moment is a plain sum of dpois over the box: slow (O(c) per cell and per c),
# independent of the closed forms and Temme expansion the package uses.
# Run: Rscript tests/reference/sison-glaz/sison-glaz.R  (writes sison-glaz.json beside it)
library(jsonlite)

box_probability <- function(counts, c) {
  N <- sum(counts)
  s_mean <- 0; s_var <- 0; s_third <- 0; s_fourth <- 0; s_var2 <- 0; log_product <- 0
  for (x in counts) {
    low <- max(x - c, 0); high <- min(x + c, N)
    k <- low:high
    p <- dpois(k, x)
    mass <- sum(p)
    if (x == 0) { m <- 0; v <- 0; t3 <- 0; t4 <- 0 } else {
      m <- sum(k * p) / mass
      v <- sum((k - m)^2 * p) / mass
      t3 <- sum((k - m)^3 * p) / mass
      t4 <- sum((k - m)^4 * p) / mass
    }
    s_mean <- s_mean + m; s_var <- s_var + v; s_var2 <- s_var2 + v^2
    s_third <- s_third + t3; s_fourth <- s_fourth + t4
    log_product <- log_product + log(ppois(high, x) - ppois(low - 1, x))
  }
  g1 <- s_third / s_var^1.5
  g2 <- (s_fourth - 3 * s_var2) / s_var^2
  z <- (N - s_mean) / sqrt(s_var)
  h3 <- z^3 - 3 * z; h4 <- z^4 - 6 * z^2 + 3; h6 <- z^6 - 15 * z^4 + 45 * z^2 - 15
  edgeworth <- dnorm(z) * (1 + g1 * h3 / 6 + g2 * h4 / 24 + g1^2 * h6 / 72)
  exp(log_product + log(edgeworth / sqrt(s_var)) - dpois(N, N, log = TRUE))
}

sison_glaz <- function(counts, level) {
  N <- sum(counts)
  c <- 0
  nu <- 0
  repeat {
    nu_next <- box_probability(counts, c + 1)
    if (nu_next > level) break
    c <- c + 1
    nu <- nu_next
  }
  gamma <- (level - nu) / (nu_next - nu)
  list(counts = counts, level = level, c = c,
       lower = pmax(0, counts / N - c / N), upper = pmin(1, counts / N + (c + 2 * gamma) / N))
}

cases <- list(
  list(c(56, 72, 73), 0.95), list(c(56, 72, 73), 0.9), list(c(1, 2, 3, 4, 20), 0.95),
  list(c(0, 1, 5, 20, 100), 0.99), list(c(91, 49, 37, 43), 0.95), list(c(5, 5, 5, 5, 5, 5, 5, 5), 0.8)
)
# the large-N regime: one proportion vector at growing N, for √N × half-width's continuity
for (N in c(1e3, 1e4, 1e5, 1e6, 1e7)) cases[[length(cases) + 1]] <- list(c(0.2, 0.3, 0.5) * N, 0.95)

results <- lapply(cases, function(case) sison_glaz(case[[1]], case[[2]]))
# the Poisson CDF at huge means, where the box sums above are out of reach: R's ppois
poisson <- list()
for (lambda in c(0.5, 10, 999, 1000, 1e4, 1e6, 1e10, 1e12, 1e14)) {
  for (z in c(-6, -2, -0.5, 0, 0.7, 1.5, 4)) {
    k <- max(0, round(lambda + z * sqrt(lambda)))
    poisson[[length(poisson) + 1]] <- list(k = k, lambda = lambda, lower = ppois(k, lambda))
  }
}
# the same incomplete gamma function as chi-square's upper tail at large df
chi_square <- list()
for (df in c(2001, 2500, 20000, 99999)) {
  for (z in c(-3, 0, 0.5, 6)) {
    statistic <- df + z * sqrt(2 * df)
    chi_square[[length(chi_square) + 1]] <- list(statistic = statistic, df = df, upper = pchisq(statistic, df, lower.tail = FALSE))
  }
}
write_json(list(generatedBy = "tests/reference/sison-glaz/sison-glaz.R", R = R.version.string, cases = results, poisson = poisson, chiSquare = chi_square),
           file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "sison-glaz.json"),
           digits = NA, auto_unbox = TRUE, pretty = TRUE)
