# Reference values for svyprop's multistage designs (codebook `design.cluster` and `design.fpc` as
# arrays, one entry a stage) from R survey itself (R 4.2.2, survey 4.1-1, default
# survey.ultimate.cluster = FALSE): the textbook two-stage cluster sample of R survey's example
# data (`apiclus2`: districts, then schools) and a small stratified two-stage sample made here
# (`households`: villages in three regions, then households). Run from the repository root:
#   apt-get install r-cran-survey
#   Rscript tests/reference/r-survey-multistage/generate.R > tests/reference/r-survey-multistage/reference.json
# It writes both samples as CSV beside itself (17 significant digits) and reads them back, so R
# and svyprop read the same rows.
suppressMessages(library(survey))
data(api)
here <- "tests/reference/r-survey-multistage"

source("tests/reference/json.R")
export <- function(d, name) {
  for (column in names(d)) if (is.double(d[[column]])) d[[column]] <- ifelse(is.na(d[[column]]), NA, sprintf("%.17g", d[[column]]))
  path <- file.path(here, paste0(name, ".csv"))
  write.csv(d, path, row.names = FALSE, na = "")
  read.csv(path, colClasses = c(stratum = "character", village = "character", household = "character"))
}

# apiclus2: 40 of 757 districts (fpc1), then up to 5 schools of each (fpc2 = the district's schools).
clus2 <- apiclus2[, c("dnum", "snum", "fpc1", "fpc2", "pw", "stype", "sch.wide", "awards", "api00", "enroll", "acs.k3")]
names(clus2) <- c("dnum", "snum", "fpc1", "fpc2", "pw", "stype", "sch_wide", "awards", "api00", "enroll", "acs_k3")
path <- file.path(here, "apiclus2.csv")
write.csv(clus2, path, row.names = FALSE, na = "")
clus2 <- read.csv(path)

# households: three regions (strata) of 10, 2 and 12 villages; 3, 2 (all: stage 1 certain) and 4
# villages drawn; in each village, households drawn from its N2 (one village wholly, one of a
# single household).
set.seed(20261214)
regions <- data.frame(stratum = c("north", "centre", "south"), N1 = c(10, 2, 12), n1 = c(3, 2, 4))
rows <- list()
for (h in seq_len(nrow(regions))) {
  for (v in seq_len(regions$n1[h])) {
    village <- paste0(substr(regions$stratum[h], 1, 1), v)
    N2 <- switch(village, n1 = 1, c2 = 4, sample(8:30, 1))
    n2 <- switch(village, n1 = 1, c2 = 4, sample(2:6, 1))
    rows[[length(rows) + 1]] <- data.frame(stratum = regions$stratum[h], village = village, household = as.character(seq_len(n2)),
                                           N1 = regions$N1[h], N2 = N2)
  }
}
hh <- do.call(rbind, rows)
n <- nrow(hh)
hh$tenure <- sample(c("own", "rent", "other"), n, replace = TRUE, prob = c(0.5, 0.35, 0.15))
hh$internet <- ifelse(runif(n) < ifelse(hh$stratum == "south", 0.4, 0.7), "yes", "no")
hh$size <- sample(1:7, n, replace = TRUE)
hh$income <- round(exp(rnorm(n, 10, 0.6)) * ifelse(hh$tenure == "own", 1.4, 1))
hh$income[c(3, 11)] <- NA
# The same sample if village n1 had 6 households, of which 1 was drawn: a lonely unit at stage 2.
hh$N2_lonely <- ifelse(hh$village == "n1", 6, hh$N2)
# Weights after a nonresponse adjustment, given beside the fpc (the fpc then only enters the variance).
hh$w <- (hh$N1 / regions$n1[match(hh$stratum, regions$stratum)]) * hh$N2 / ave(hh$N2, hh$village, FUN = length) * runif(n, 0.9, 1.2)
hh <- export(hh, "households")

households <- svydesign(ids = ~village + household, strata = ~stratum, fpc = ~N1 + N2, data = hh)
designs <- list(
  apiclus2 = svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, data = clus2),
  # Without fpc R keeps the first stage only (the ultimate cluster approximation).
  apiclus2_ultimate = svydesign(ids = ~dnum + snum, weights = ~pw, data = clus2),
  households = households,
  households_weighted = svydesign(ids = ~village + household, strata = ~stratum, fpc = ~N1 + N2, weights = ~w, data = hh),
  # Village n1's one household of 6 counts as certain (survey.lonely.psu = "certainty").
  households_lonely = svydesign(ids = ~village + household, strata = ~stratum, fpc = ~N1 + N2_lonely, data = hh),
  # Post-stratified on tenure to population counts (made up): the calibration residuals at every stage.
  households_poststratified = postStratify(households, ~tenure, data.frame(tenure = c("own", "rent", "other"), Freq = c(700, 420, 180)))
)
data_of <- c(apiclus2 = "apiclus2", apiclus2_ultimate = "apiclus2", households = "households", households_weighted = "households",
             households_lonely = "households", households_poststratified = "households")
lonely <- c(households_lonely = "certainty")

methods <- c("logit", "likelihood", "mean", "beta", "xlogit", "asin")
# n counts the rows of positive weight (a calibrated design's subset keeps the others at weight 0).
proportion <- function(des, expr) {
  f <- as.formula(paste0("~as.numeric(", expr, ")"))
  m <- svymean(f, des, deff = TRUE)
  # R's profile of "likelihood" fails (approx: "need at least two non-NA values") in some domains: null.
  limits <- sapply(methods, function(method) tryCatch({
    ci <- attr(svyciprop(as.formula(paste0("~", expr)), des, method = method), "ci")
    c(ci[[1]], ci[[2]])
  }, error = function(e) c(NA, NA)))
  obj(proportion = num(coef(m)), se = num(SE(m)), deff = num(deff(m)), degf = num(degf(des)), n = num(sum(weights(des) > 0)),
      methods = str(methods), lower = num(limits[1, ]), upper = num(limits[2, ]))
}
quantiles <- c(0.25, 0.5, 0.75)
numeric <- function(sub, y, df) {
  f <- as.formula(paste0("~", y))
  m <- svymean(f, sub, na.rm = TRUE); mci <- confint(m, df = df)
  t <- svytotal(f, sub, na.rm = TRUE); tci <- confint(t, df = df)
  qs <- svyquantile(f, sub, quantiles, ci = TRUE, na.rm = TRUE)[[1]]
  obj(mean = num(coef(m)), mean_se = num(SE(m)), mean_lower = num(mci[1]), mean_upper = num(mci[2]),
      total = num(coef(t)), total_se = num(SE(t)), total_lower = num(tci[1]), total_upper = num(tci[2]),
      quantiles = num(quantiles), quantile = num(qs[, 1]), quantile_lower = num(qs[, 2]), quantile_upper = num(qs[, 3]),
      quantile_se = num(qs[, 4]), degf = num(df), n = num(sum(weights(sub) > 0 & !is.na(sub$variables[[y]]))))
}
chisq <- function(des, rows, cols) {
  f <- as.formula(paste0("~", rows, "+", cols))
  F <- svychisq(f, des, statistic = "F")
  X <- svychisq(f, des, statistic = "Chisq")
  obj(rows = q(rows), cols = q(cols), F = num(F$statistic), ndf = num(F$parameter[1]), ddf = num(F$parameter[2]), F_p = num(F$p.value),
      chisq = num(X$statistic), chisq_df = num(X$parameter[1]), chisq_p = num(X$p.value))
}

questions <- list(
  apiclus2 = list(
    proportions = list(list(id = "sch_wide", category = "Yes", by = "stype"), list(id = "awards", category = "Yes", by = "stype"),
                       list(id = "stype", category = "E", by = "awards"), list(id = "stype", category = "H", by = "awards"),
                       list(id = "stype", category = "M", by = "awards")),
    numeric = list(list(id = "api00", by = "stype"), list(id = "enroll", by = "awards"), list(id = "acs_k3", by = "sch_wide")),
    tables = list(c("stype", "sch_wide"), c("awards", "stype"))),
  households = list(
    proportions = list(list(id = "internet", category = "yes", by = "tenure"), list(id = "tenure", category = "own", by = "internet"),
                       list(id = "tenure", category = "rent", by = "internet"), list(id = "tenure", category = "other", by = "internet")),
    numeric = list(list(id = "income", by = "internet"), list(id = "size", by = "tenure")),
    tables = list(c("tenure", "internet"))))

cases <- character(0)
for (name in names(designs)) {
  des <- designs[[name]]
  options(survey.lonely.psu = if (is.na(lonely[name])) "fail" else lonely[[name]])
  set <- questions[[data_of[[name]]]]
  for (p in set$proportions) {
    expr <- sprintf('%s == "%s"', p$id, p$category)
    groups <- sort(unique(as.character(des$variables[[p$by]])))
    whole <- proportion(des, expr)
    by <- sapply(groups, function(g) proportion(des[as.character(des$variables[[p$by]]) == g, ], expr))
    cases <- c(cases, obj(design = q(name), kind = q("proportion"), question = q(p$id), category = q(p$category), by = q(p$by),
                          groups = str(groups), whole = whole, groupwise = paste0("[", paste(by, collapse = ","), "]")))
  }
  for (v in set$numeric) {
    groups <- sort(unique(as.character(des$variables[[v$by]])))
    df <- degf(des)
    whole <- numeric(des, v$id, df)
    by <- sapply(groups, function(g) numeric(des[as.character(des$variables[[v$by]]) == g, ], v$id, df))
    cases <- c(cases, obj(design = q(name), kind = q("numeric"), question = q(v$id), by = q(v$by), groups = str(groups),
                          whole = whole, groupwise = paste0("[", paste(by, collapse = ","), "]")))
  }
  for (t in set$tables) cases <- c(cases, obj(design = q(name), kind = q("table"), test = chisq(des, t[1], t[2])))
}

# The design's weights R derives from the fpc (N1/n1 · N2/n2) and its df.
weights_of <- sapply(names(designs), function(name) obj(design = q(name), lonely = q(if (is.na(lonely[name])) "fail" else lonely[[name]]),
                                                        weights = num(weights(designs[[name]])), degf = num(degf(designs[[name]]))))

cat("{\n\"generator\":", q(paste(R.version.string, "/ survey", packageVersion("survey"))),
    ",\n\"designs\":[", paste(weights_of, collapse = ",\n"), "],\n\"cases\":[\n", paste(cases, collapse = ",\n"), "\n]}\n", sep = "")
