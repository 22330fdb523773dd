export type CspDirectives = Record<string, readonly string[] | true>;
export declare const cspDirectives: { readonly [name: string]: readonly string[] };
export declare const quoteSource: (source: string) => string;
export declare const renderCsp: (directives: CspDirectives) => string;
