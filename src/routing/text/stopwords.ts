/**
 * Words that carry no routing signal: function words plus the politeness and
 * request fillers people wrap around a task ("could you please help me ...").
 * Question words stay: "who" asks about an audience, "why" about motives.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren as at be because been before being below between
  both but by can cannot could couldn did didn do does doesn doing don down during each few for from further had
  hadn has hasn have haven having he her here hers herself him himself his i if in into is isn it its itself
  just let me more most mustn my myself no nor not now of off on once only or other ought our ours ourselves out
  over own same shan she should shouldn so some such than that the their theirs them themselves then there these
  they this those through to too under until up very was wasn we were weren when where while will with won would
  wouldn you your yours yourself yourselves please pls plz kindly hey hi hello thanks thank hiya yo can could
  would want wanna need needs needed gonna gotta like love id ive im youre were weve theyre thats whats help
  helping assist assistance something anything stuff thing things bit little quick quickly also just really
  actually basically maybe probably soon today tomorrow tonight asap us one ones get got getting make making
  made us etc eg ie via per`.split(/\s+/).filter(Boolean),
);

/** Question words: kept as routing terms for trigger phrases, but too common for BM25 or evidence. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(['how', 'what', 'which', 'who', 'whom', 'why']);
