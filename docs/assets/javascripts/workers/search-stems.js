/* Material's search worker, with each typed word also matched by its stem.
 *
 * Material adds a "*" to every typed word, and lunr compares such a prefix
 * with the index unstemmed. The index is stemmed (German "Häfen" is kept as
 * "haf"), so "Hafen*" alone finds nothing. Each prefix word gets a second,
 * optional clause: its stem as a prefix ("haf*"), so inflected forms and
 * plurals find each other while prefixes keep working.
 *
 * Material also lists a typed word as missing from a result unless a matched
 * index term starts with it ("haf" does not start with "hafen"); in this
 * worker (its own global scope, not the page's) a word also counts as found
 * where a matched term starts with the word's stem.
 *
 * The page names Material's worker file after the "#" (see overrides/main.html).
 */
importScripts(decodeURIComponent(self.location.hash.slice(1)));

(function () {
  var stemOf = null;  // the index's search pipeline, once an index was queried
  var startsWith = String.prototype.startsWith;
  String.prototype.startsWith = function (prefix, position) {
    if (startsWith.call(this, prefix, position)) return true;
    if (!stemOf || position || typeof prefix !== "string" || !/^[\p{L}\p{N}]+$/u.test(prefix)) return false;
    var stem = stemOf.runString(prefix)[0];
    return Boolean(stem) && stem !== prefix && startsWith.call(this, stem);
  };

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var stem = this.pipeline;
    stemOf = stem;
    return query.call(this, function (request) {
      build.call(request, request);
      request.clauses.slice().forEach(function (clause) {
        if (clause.usePipeline || clause.presence !== lunr.Query.presence.OPTIONAL) return;
        var word = clause.term.replace(/\*$/, "");
        if (!word || word.indexOf("*") !== -1 || word === clause.term) return;
        var stems = stem.runString(word);
        if (stems.length && stems[0] && stems[0] !== word) {
          request.clause({
            term: stems[0],
            fields: clause.fields,
            boost: clause.boost,
            usePipeline: false,
            wildcard: lunr.Query.wildcard.TRAILING
          });
        }
      });
    });
  };
})();
