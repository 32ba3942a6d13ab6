// The names of a load's steps after its files are read, as the loading line shows them.
export const TIMELINE_STEP = "building the timeline";
export const USES_STEP = "finding glossary terms";
export const SAVING_STEP = "saving";
