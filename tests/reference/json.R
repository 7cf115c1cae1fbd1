# JSON writers shared by the reference scripts (sourced from the repository root): numbers with 17
# significant digits (NA as null), strings, objects of already-written fields, and a list of cases.
num <- function(x) {
  x <- as.numeric(x)
  paste0("[", paste(ifelse(is.na(x), "null", sprintf("%.17g", x)), collapse = ","), "]")
}
str <- function(x) paste0("[", paste0('"', x, '"', collapse = ","), "]")
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste0('"', names(fields), '":', unlist(fields), collapse = ","), "}")
}
cases <- character(0)
add <- function(...) cases <<- c(cases, obj(...))
