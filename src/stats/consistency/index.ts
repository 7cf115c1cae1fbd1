// Consistency checks of published percentages (GRIM-style): see issue "Checking printed figures".
export {};
