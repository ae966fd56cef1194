package search

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A synthetic handbook for measuring index and download sizes: per language
// pages of about 8 KB built from procurement vocabulary with inflections,
// compounds, function words and a long tail of rare words, drawn with
// Zipf-like frequencies so that the vocabulary grows the way real text does.

type vocab struct {
	function []string                 // most frequent words
	lemmas   []string                 // domain nouns and verbs
	inflect  func(string, int) string // form k of a lemma
	compound func(a, b string) string // join two lemmas
	syll     []string                 // syllables of rare words
	sections []string                 // section titles
	inject   map[string]int           // words placed in exactly n pages
}

var corpusVocab = map[string]vocab{
	"fi": {
		function: strings.Fields("ja on että tai ei se kun myös voi sekä jos niin mutta kuin tämä jotka joka ovat olla oli vain sen sitä mukaan osalta lisäksi kuitenkin esimerkiksi tulee tulisi hyvin ennen jälkeen aina usein yleensä"),
		lemmas: strings.Fields("hankinta hankintayksikkö tarjous tarjoaja sopimus menettely kilpailutus kumppanuus innovaatio markkina vuoropuhelu tarjouspyyntö laki direktiivi kynnysarvo " +
			"palvelu tavara urakka hinta laatu vertailu peruste kriteeri vaatimus soveltuvuus ilmoitus päätös oikaisu valitus oikeus yritys toimittaja alihankinta ympäristö " +
			"vastuullisuus kustannus budjetti kunta kaupunki valtio järjestelmä suunnittelu konsultti asiantuntija koulutus seuranta valvonta toteutus muutos optio takuu sakko " +
			"riita ratkaisu strategia tutkimus tuote asiakirja liite neuvottelu järjestely kumppani allianssi osakas yhteistyö tilaaja rakennus korjaus siivous ruoka kuljetus " +
			"terveys hoiva koulu kirjasto liikenne energia jätehuolto vesi tietojärjestelmä ohjelmisto lisenssi pilvipalvelu tietoturva henkilöstö työvoima palkka aikataulu " +
			"riski vakuutus reklamaatio laskutus maksu ennakko hinnanmuutos indeksi kesto irtisanominen purku sopimuskausi kilpailu kehittäminen selvitys arviointi " +
			"kehittää arvioida kilpailuttaa valita hylätä hyväksyä julkaista ilmoittaa neuvotella sopia toimittaa laskuttaa valvoa seurata muuttaa purkaa"),
		inflect: fiInflect,
		compound: func(a, b string) string {
			return a + b
		},
		syll:     strings.Fields("ka ko ku ki ke ta to tu ti te la lo lu li le ma mo mu mi me na no nu ni ne pa po pu pi pe ra ro ru ri re sa so su si se va vo vi ve ha ho hu hi he jä jö kä kö tä tö lä lö mä mö nä nö pä pö rä rö sä sö vä hä yy ää öö aa ii uu oo ee st nt lk rt"),
		sections: []string{"Perusteet", "Menetelmät", "Hankinnan valmistelu", "Kilpailutus", "Sopimukset", "Oikeussuoja", "Vastuullisuus", "Yrityksille"},
		inject:   map[string]int{"allianssimalli": 3, "innovaatiokumppanuus": 40},
	},
	"sv": {
		function: strings.Fields("och är att det som en ett i på för med av till inte kan ska om men eller också när den de har vara var bara enligt dock till exempel därför innan efter alltid ofta vanligen"),
		lemmas: strings.Fields("upphandling myndighet anbud anbudsgivare avtal förfarande konkurrens partnerskap innovation marknad dialog förfrågan lag direktiv tröskelvärde " +
			"tjänst vara entreprenad pris kvalitet utvärdering grund kriterium krav lämplighet annons beslut rättelse överprövning rätt företag leverantör underleverantör miljö " +
			"hållbarhet kostnad budget kommun stad stat system planering konsult expert utbildning uppföljning kontroll genomförande ändring option garanti vite " +
			"tvist lösning strategi forskning produkt dokument bilaga förhandling ramavtal partner allians delägare samarbete beställare byggnad reparation städning mat transport " +
			"hälsa omsorg skola bibliotek trafik energi avfall vatten datasystem programvara licens molntjänst informationssäkerhet personal arbetskraft lön tidsplan " +
			"risk försäkring reklamation fakturering betalning förskott prisändring index löptid uppsägning hävning avtalsperiod utveckling utredning bedömning barnskydd barn skydd " +
			"utveckla bedöma upphandla välja förkasta godkänna publicera meddela förhandla avtala leverera fakturera övervaka följa ändra häva"),
		inflect: svInflect,
		compound: func(a, b string) string {
			// Swedish links with -s- after these endings ("upphandlingsavtal").
			for _, e := range []string{"ing", "het", "tion", "skap", "dom", "ad"} {
				if strings.HasSuffix(a, e) {
					return a + "s" + b
				}
			}
			return a + b
		},
		syll:     strings.Fields("ka ko ku ki ke ta to tu ti te la lo lu li le ma mo mu mi me na no nu ni ne pa po pu pi pe ra ro ru ri re sa so su si se va vo vi ve ha ho hå hä hö lå lä lö må mä mö nå nä nö på pä rå rä rö så sä sö vå vä st nd ng rk sk tt ll"),
		sections: []string{"Grunder", "Metoder", "Planering", "Konkurrensutsättning", "Avtal", "Rättsskydd", "Hållbarhet", "För företag"},
		inject:   map[string]int{"alliansmodell": 3, "innovationspartnerskap": 40, "barnskyddet": 25},
	},
	"en": {
		function: strings.Fields("the of and to a in is that for it as with be on by this are or not an can which at from have has must should may also if when but their such other all only these where before after"),
		lemmas: strings.Fields("procurement authority tender tenderer contract procedure competition partnership innovation market dialogue request act directive threshold " +
			"service supply works price quality evaluation ground criterion requirement suitability notice decision correction appeal court company supplier subcontractor environment " +
			"sustainability cost budget municipality city state system planning consultant expert training monitoring control implementation change option guarantee penalty " +
			"dispute solution strategy research product document annex negotiation framework partner alliance shareholder cooperation buyer building repair cleaning food transport " +
			"health care school library traffic energy waste water software licence cloud security staff labour wage schedule " +
			"risk insurance complaint invoicing payment advance adjustment index duration termination rescission period development study assessment " +
			"develop assess award select reject approve publish notify negotiate agree deliver invoice supervise follow amend terminate"),
		inflect: enInflect,
		compound: func(a, b string) string {
			return a + " " + b // English writes compounds as phrases
		},
		syll:     strings.Fields("ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo st nd ng rk sh th ch ll ss"),
		sections: []string{"Basics", "Methods", "Preparation", "Tendering", "Contracts", "Legal protection", "Sustainability", "For companies"},
		inject:   map[string]int{"allianceship": 3, "market dialogue": 40},
	},
}

func fiInflect(w string, k int) string {
	back := strings.ContainsAny(w, "aou")
	v := func(s string) string {
		if back {
			return s
		}
		return strings.NewReplacer("a", "ä", "o", "ö", "u", "y").Replace(s)
	}
	endings := []string{"", "n", "a", "ssa", "sta", "lla", "lle", "ksi", "t", "na", "ja", "jen", "han", "lta", "iin", "ineen", "kin", "ko"}
	return w + v(endings[k%len(endings)])
}

func svInflect(w string, k int) string {
	endings := []string{"", "en", "et", "er", "erna", "ar", "arna", "s", "ens", "n", "ens", "ernas"}
	return w + endings[k%len(endings)]
}

func enInflect(w string, k int) string {
	switch k % 7 {
	case 1:
		if strings.HasSuffix(w, "y") {
			return w[:len(w)-1] + "ies"
		}
		return w + "s"
	case 2:
		return w + "'s"
	case 3:
		return strings.TrimSuffix(w, "e") + "ing"
	case 4:
		return strings.TrimSuffix(w, "e") + "ed"
	}
	return w
}

// zipf draws index i of n with probability proportional to 1/(i+1).
type zipf struct {
	n   int
	cdf []float64
}

func newZipf(n int) *zipf {
	z := &zipf{n: n, cdf: make([]float64, n)}
	sum := 0.0
	for i := range n {
		sum += 1 / float64(i+1)
		z.cdf[i] = sum
	}
	for i := range z.cdf {
		z.cdf[i] /= sum
	}
	return z
}

func (z *zipf) draw(r *rand.Rand) int {
	x := r.Float64()
	lo, hi := 0, z.n-1
	for lo < hi {
		mid := (lo + hi) / 2
		if z.cdf[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// genCorpus returns n pages of about textBytes of text each, deterministic
// for (lang, n, seed).
func genCorpus(lang string, n, textBytes int, seed uint64) []Doc {
	v := corpusVocab[lang]
	r := rand.New(rand.NewPCG(seed, uint64(len(lang))))
	// Compounds of domain lemmas, a few hundred of them.
	var compounds []string
	for i := 0; len(compounds) < 400; i++ {
		a, b := v.lemmas[r.IntN(len(v.lemmas))], v.lemmas[r.IntN(len(v.lemmas))]
		if a != b {
			compounds = append(compounds, v.compound(a, b))
		}
	}
	// A long tail of rare words: 40,000 pseudo-words.
	tail := make([]string, 40000)
	for i := range tail {
		var b strings.Builder
		for range 2 + r.IntN(4) {
			b.WriteString(v.syll[r.IntN(len(v.syll))])
		}
		tail[i] = b.String()
	}
	zf, zl, zc, zt := newZipf(len(v.function)), newZipf(len(v.lemmas)), newZipf(len(compounds)), newZipf(len(tail))
	word := func(topic []string) string {
		switch x := r.Float64(); {
		case x < 0.40:
			return v.function[zf.draw(r)]
		case x < 0.70:
			return v.inflect(v.lemmas[zl.draw(r)], r.IntN(20))
		case x < 0.78:
			c := compounds[zc.draw(r)]
			if lang == "en" {
				return c
			}
			return v.inflect(c, r.IntN(20))
		case x < 0.86:
			return v.inflect(topic[r.IntN(len(topic))], r.IntN(20))
		case x < 0.88:
			return fmt.Sprint(r.IntN(3000))
		default:
			return v.inflect(tail[zt.draw(r)], r.IntN(20))
		}
	}
	sentence := func(topic []string, words int) string {
		ws := make([]string, words)
		for i := range ws {
			ws[i] = word(topic)
		}
		return capitalise(strings.Join(ws, " "))
	}
	docs := make([]Doc, n)
	for i := range docs {
		topic := []string{v.lemmas[r.IntN(len(v.lemmas))], compounds[r.IntN(len(compounds))], v.lemmas[zl.draw(r)]}
		sec := v.sections[r.IntN(len(v.sections))]
		d := Doc{
			URL:     fmt.Sprintf("/%s/%s/%s-%d/", lang, slug(sec), slug(topic[1]), i),
			Title:   capitalise(topic[1] + " " + v.inflect(topic[0], r.IntN(3))),
			Section: sec,
		}
		for range 4 + r.IntN(4) {
			d.Headings = append(d.Headings, sentence(topic, 2+r.IntN(3)))
		}
		var text strings.Builder
		for text.Len() < textBytes {
			if r.IntN(4) == 0 { // a list
				for range 3 + r.IntN(4) {
					text.WriteString(sentence(topic, 4+r.IntN(8)) + "\n")
				}
				continue
			}
			var para []string
			for range 2 + r.IntN(5) {
				para = append(para, sentence(topic, 8+r.IntN(12))+".")
			}
			text.WriteString(strings.Join(para, " ") + "\n")
		}
		d.Text = text.String()
		docs[i] = d
	}
	// Words with a known document frequency, for the rare-term query, in
	// a fixed order: they draw from r.
	for _, w := range slices.Sorted(maps.Keys(v.inject)) {
		k := v.inject[w]
		for j := range k {
			d := &docs[(j*7919+13)%n]
			d.Text += "\n" + capitalise(w) + " " + sentence([]string{w}, 6) + "."
		}
	}
	return docs
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func slug(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '-'
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			return unicode.ToLower(r)
		case strings.ContainsRune("äåÄÅ", r):
			return 'a'
		case strings.ContainsRune("öÖ", r):
			return 'o'
		}
		return -1
	}, s)
}

// benchQuery is a realistic query and what kind it is.
type benchQuery struct{ name, q string }

var benchQueries = map[string][]benchQuery{
	"fi": {
		{"common", "hankinta"}, {"rare", "allianssimalli"}, {"part", "kumppanuus"},
		{"compound", "innovaatiokumppanuus"}, {"two", "markkinavuoropuhelu tarjouspyyntö"},
		{"prefix1", "h"}, {"prefix3", "han"}, {"three", "sopimus hinta k"},
		{"typo", "kilpailtus"}, {"phrase", `"hankinta ja"`},
	},
	"sv": {
		{"common", "upphandling"}, {"rare", "alliansmodell"}, {"part", "partnerskap"},
		{"compound", "barnskydd"}, {"two", "upphandling avtal"},
		{"prefix1", "u"}, {"prefix3", "upp"}, {"three", "avtal pris k"},
		{"typo", "uphandling"}, {"phrase", `"upphandling och"`},
	},
	"en": {
		{"common", "procurement"}, {"rare", "allianceship"}, {"part", "partnership"},
		{"compound", "innovation partnership"}, {"two", "market dialogue"},
		{"prefix1", "p"}, {"prefix3", "pro"}, {"three", "contract price s"},
		{"typo", "procuremnet"}, {"phrase", `"market dialogue"`},
	},
}
