/** The broken relative links of a built site: one line per link, naming the page, the link and what is missing. */
export declare function brokenLinks(folder: string): string[];
