# Reference values for svyprop's Rao–Scott tests (crosstab, R `svychisq`, F and Chisq) on
# calibrated and replicate-weight designs, from R survey itself (R 4.2.2, survey 4.1-1). It reads
# the samples the numeric and replicate references wrote (tests/reference/r-survey-numeric/*.csv,
# tests/reference/r-survey-replicate/*.csv), so R and svyprop read the same rows. Run from the
# repository root:
#   apt-get install r-cran-survey
#   Rscript tests/reference/r-survey-raoscott/generate.R > tests/reference/r-survey-raoscott/reference.json
suppressMessages(library(survey))
data(api)
source("tests/reference/json.R")
numeric_data <- function(name) read.csv(file.path("tests/reference/r-survey-numeric", paste0(name, ".csv")))
replicate_data <- function(name) read.csv(file.path("tests/reference/r-survey-replicate", paste0(name, ".csv")))

# Population counts of the calibration margins (apipop, R survey's population of schools).
stype_pop <- data.frame(stype = c("E", "H", "M"), Freq = as.vector(table(apipop$stype)[c("E", "H", "M")]))
awards_pop <- data.frame(awards = c("No", "Yes"), Freq = as.vector(table(apipop$awards)[c("No", "Yes")]))

strat <- numeric_data("apistrat")
clus1 <- numeric_data("apiclus1")
jk1 <- replicate_data("apiclus1_jk1")
jkn <- replicate_data("apistrat_jkn")
boot <- replicate_data("apistrat_bootstrap")
brr <- replicate_data("scd_brr")
fay <- replicate_data("scd_fay")
jkn_rscales <- as.svrepdesign(svydesign(ids = ~1, strata = ~stype, weights = ~pw, data = apistrat), type = "JKn")$rscales
set.seed(20261202)
boot_scale <- as.svrepdesign(svydesign(ids = ~1, strata = ~stype, weights = ~pw, data = apistrat), type = "bootstrap", replicates = 50)$scale

designs <- list(
  # Post-stratified on school type; raked on school type and awards (population counts of apipop).
  apistrat_poststratified = postStratify(svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat), ~stype, stype_pop),
  apiclus1_raked = rake(svydesign(ids = ~dnum, weights = ~pw, fpc = ~fpc, data = clus1), list(~stype, ~awards), list(stype_pop, awards_pop)),
  apiclus1_jk1 = svrepdesign(data = jk1, repweights = "^rw[0-9]+$", weights = ~pw, type = "JK1", combined.weights = TRUE),
  apistrat_jkn = svrepdesign(data = jkn, repweights = "^rw[0-9]+$", weights = ~pw, type = "JKn", combined.weights = TRUE, rscales = jkn_rscales),
  apistrat_bootstrap = svrepdesign(data = boot, repweights = "^rw[0-9]+$", weights = ~pw, type = "bootstrap", combined.weights = TRUE, scale = boot_scale),
  scd_brr = svrepdesign(data = brr, repweights = "^rw[0-9]+$", weights = ~pw, type = "BRR", combined.weights = TRUE),
  scd_fay = svrepdesign(data = fay, repweights = "^rw[0-9]+$", weights = ~pw, type = "Fay", rho = 0.3, combined.weights = TRUE)
)
settings <- list(
  apistrat_poststratified = obj(data = q("r-survey-numeric/apistrat"), calibration = q("postStratify")),
  apiclus1_raked = obj(data = q("r-survey-numeric/apiclus1"), calibration = q("rake")),
  apiclus1_jk1 = obj(data = q("r-survey-replicate/apiclus1_jk1"), type = q("JK1")),
  apistrat_jkn = obj(data = q("r-survey-replicate/apistrat_jkn"), type = q("JKn"), rscales = num(jkn_rscales)),
  apistrat_bootstrap = obj(data = q("r-survey-replicate/apistrat_bootstrap"), type = q("bootstrap"), scale = num(boot_scale)),
  scd_brr = obj(data = q("r-survey-replicate/scd_brr"), type = q("BRR")),
  scd_fay = obj(data = q("r-survey-replicate/scd_fay"), type = q("Fay"), rho = "0.3")
)
tables <- list(api = list(c("awards", "stype")), scd = list(c("ESA", "ambulance")))
api_replicate_tables <- list(c("awards", "stype"), c("sch_wide", "stype"), c("sch_wide", "awards"))

cases <- character(0)
for (name in names(designs)) {
  des <- designs[[name]]
  set <- if (startsWith(name, "scd")) tables$scd else if (name %in% c("apiclus1_jk1", "apistrat_jkn", "apistrat_bootstrap")) api_replicate_tables else tables$api
  for (t in set) {
    f <- as.formula(paste0("~", t[1], "+", t[2]))
    F <- svychisq(f, des, statistic = "F")
    X <- svychisq(f, des, statistic = "Chisq")
    cases <- c(cases, obj(design = q(name), rows = q(t[1]), cols = q(t[2]), F = num(F$statistic), ndf = num(F$parameter[1]),
                          ddf = num(F$parameter[2]), F_p = num(F$p.value), chisq = num(X$statistic), chisq_df = num(X$parameter[1]),
                          chisq_p = num(X$p.value)))
  }
}
cat("{\n\"generator\":", q(paste(R.version.string, "/ survey", packageVersion("survey"))),
    ",\n\"populations\":", obj(stype = obj(E = num(stype_pop$Freq[1]), H = num(stype_pop$Freq[2]), M = num(stype_pop$Freq[3])),
                                awards = obj(No = num(awards_pop$Freq[1]), Yes = num(awards_pop$Freq[2]))),
    ",\n\"settings\":", do.call(obj, settings), ",\n\"cases\":[\n", paste(cases, collapse = ",\n"), "\n]}\n", sep = "")
