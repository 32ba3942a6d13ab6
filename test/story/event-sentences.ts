// Sentences that tell one event in a few words: pairs that tell one act two ways (a toll ordered and
// lifted, a service suspended and restored), so that reports of them a few days apart conflict, and
// acts of other actors, which must not.
export const EVENT_SENTENCES = [
  "the Northport Harbour Authority ordered a higher canal toll for container ships",
  "the Northport Harbour Authority lifted the higher canal toll for container ships",
  "Valley Rail suspended freight service across the northern bridge corridor",
  "Valley Rail restored freight service across the northern bridge corridor",
  "Mara Lindqvist ordered an inspection of the frontier model export licences",
];
