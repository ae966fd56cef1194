package corpus

// words are each language's vocabulary: procurement terms (many of them
// compounds) mixed with common words, so that text looks like the handbook.
var words = map[string][]string{
	"fi": {
		"hankinta", "hankintayksikkö", "tarjouspyyntö", "markkinavuoropuhelu", "innovaatiokumppanuus", "neuvottelumenettely",
		"puitejärjestely", "osatarjous", "pk-yritys", "kunta", "kuntalainen", "palvelu", "sopimus", "toimittaja", "tarjoaja",
		"vertailuperuste", "vaikuttavuus", "kannustin", "kestävyys", "avoimuus", "kumppanuus", "vuoropuhelu", "käyttäjä",
		"hyvinvointiteknologia", "lastensuojelu", "työllisyyskoulutus", "asiakas", "tavoite", "toimintatapa", "johtaminen",
		"ja", "on", "että", "kun", "myös", "tai", "se", "ne", "kanssa", "ennen", "jälkeen", "hyvin", "aina", "usein", "nopeasti",
		"suunnittelee", "valmistelee", "arvioi", "kehittää", "selvittää", "kertoo", "julkaisee", "kysyy", "vastaa", "sopii",
		"uusi", "hyvä", "tärkeä", "yhteinen", "paikallinen", "pieni", "suuri", "selkeä", "avoin", "kestävä",
	},
	"sv": {
		"upphandling", "upphandlande", "anbudsförfrågan", "marknadsdialog", "innovationspartnerskap", "förhandlat", "förfarande",
		"ramavtal", "delanbud", "företag", "kommun", "invånare", "tjänst", "avtal", "leverantör", "anbudsgivare",
		"jämförelsegrund", "effekt", "incitament", "hållbarhet", "öppenhet", "partnerskap", "dialog", "användare",
		"välfärdsteknologi", "barnskydd", "barnskyddstjänster", "sysselsättningsutbildning", "kund", "mål", "arbetssätt", "ledning",
		"och", "är", "att", "när", "också", "eller", "det", "de", "med", "före", "efter", "väl", "alltid", "ofta", "snabbt",
		"planerar", "bereder", "bedömer", "utvecklar", "utreder", "berättar", "publicerar", "frågar", "svarar", "passar",
		"ny", "god", "viktig", "gemensam", "lokal", "liten", "stor", "tydlig", "öppen", "hållbar",
	},
	"en": {
		"procurement", "contracting", "authority", "tender", "market", "dialogue", "innovation", "partnership", "negotiated",
		"procedure", "framework", "agreement", "lot", "business", "municipality", "resident", "service", "contract",
		"supplier", "bidder", "award", "criteria", "impact", "incentive", "sustainability", "openness", "user",
		"welfare", "technology", "child", "protection", "employment", "training", "client", "goal", "method", "leadership",
		"and", "is", "that", "when", "also", "or", "it", "they", "with", "before", "after", "well", "always", "often", "quickly",
		"plans", "prepares", "assesses", "develops", "explores", "tells", "publishes", "asks", "answers", "fits",
		"new", "good", "important", "shared", "local", "small", "large", "clear", "open", "sustainable",
	},
}

// headingWords open headings; they are nouns of each language.
var headingWords = map[string][]string{
	"fi": {"Tavoite", "Tausta", "Toteutus", "Vastuut", "Esimerkit", "Mittarit", "Riskit", "Aikataulu", "Hyödyt", "Oppeja"},
	"sv": {"Mål", "Bakgrund", "Genomförande", "Ansvar", "Exempel", "Mätare", "Risker", "Tidsplan", "Nytta", "Lärdomar"},
	"en": {"Goal", "Background", "Delivery", "Responsibilities", "Examples", "Metrics", "Risks", "Schedule", "Benefits", "Lessons"},
}
