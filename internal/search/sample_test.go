package search

// Small hand-written handbooks, one per language, for behaviour tests. Each
// has pages that differ in where a word occurs (title, heading, body) and
// pages that use a word only inside compounds.
var samples = map[string][]Doc{
	"fi": {
		{
			URL: "/fi/menetelmat/innovaatiokumppanuus/", Title: "Innovaatiokumppanuus", Section: "Menetelmät",
			Headings: []string{"Milloin innovaatiokumppanuutta käytetään", "Innovaatiokumppanuuden vaiheet"},
			Text: "Innovaatiokumppanuus on hankintamenettely, jossa hankintayksikkö ja yritykset kehittävät uuden ratkaisun.\n" +
				"Innovaatiokumppanuuden tavoitteena on hankkia tuote, jota markkinoilla ei vielä ole.\n" +
				"Menettelyssä valitaan yksi tai useampi kumppani.",
		},
		{
			URL: "/fi/menetelmat/markkinavuoropuhelu/", Title: "Markkinavuoropuhelu", Section: "Menetelmät",
			Headings: []string{"Vuoropuhelun muodot"},
			Text: "Markkinavuoropuhelu auttaa hankintayksikköä tuntemaan markkinat ennen tarjouspyyntöä.\n" +
				"Markkinavuoropuhelun voi järjestää tietopyyntönä tai tilaisuutena.\n" +
				"Hyvä vuoropuhelu parantaa tarjousten laatua.",
		},
		{
			URL: "/fi/menetelmat/kumppanuus/", Title: "Kumppanuus hankinnoissa", Section: "Menetelmät",
			Headings: []string{"Kumppanuuden edellytykset"},
			Text: "Kumppanuus tarkoittaa pitkäjänteistä yhteistyötä tilaajan ja toimittajan välillä.\n" +
				"Kumppanuuden onnistuminen edellyttää luottamusta.",
		},
		{
			URL: "/fi/perusteet/hankintalaki/", Title: "Hankintalaki", Section: "Perusteet",
			Headings: []string{"Lain soveltamisala", "Kynnysarvot"},
			Text: "Hankintalaki koskee valtion ja kuntien hankintoja.\n" +
				"Laki mahdollistaa myös kumppanuus-mallit, kuten allianssin.\n" +
				"EU:n kynnysarvot tarkistetaan kahden vuoden välein.",
		},
		{
			URL: "/fi/yritykset/pk-yritykset/", Title: "Pk-yritykset julkisissa hankinnoissa", Section: "Yrityksille",
			Headings: []string{"Osiin jakaminen"},
			Text: "Pk-yritys voi osallistua kilpailutukseen yksin tai yhteenliittymänä.\n" +
				"Hankinnan jakaminen osiin helpottaa pk-yritysten osallistumista.\n" +
				"EU:n direktiivi kannustaa tähän.",
		},
		{
			URL: "/fi/", Title: "Julkisten hankintojen käsikirja", Section: "",
			Text: "Käsikirja neuvoo hankintayksiköitä ja yrityksiä.\n" +
				"Aiheita ovat esimerkiksi markkinavuoropuhelu, innovaatiokumppanuus ja tarjousten vertailu.",
		},
	},
	"sv": {
		{
			URL: "/sv/metoder/innovationspartnerskap/", Title: "Innovationspartnerskap", Section: "Metoder",
			Headings: []string{"När passar ett innovationspartnerskap"},
			Text: "Innovationspartnerskap är ett förfarande där den upphandlande myndigheten utvecklar en ny lösning tillsammans med leverantörer.\n" +
				"Förfarandet delas in i faser.",
		},
		{
			URL: "/sv/omraden/barnskydd/", Title: "Barnskyddet i upphandlingen", Section: "Områden",
			Headings: []string{"Upphandling av barnskyddstjänster"},
			Text: "Kommunerna upphandlar barnskyddstjänster av privata leverantörer.\n" +
				"Barnskyddet ställer höga krav på kvalitet och kontinuitet.",
		},
		{
			URL: "/sv/metoder/partnerskap/", Title: "Partnerskap", Section: "Metoder",
			Text: "Ett partnerskap bygger på långsiktigt samarbete mellan beställare och leverantör.\n" +
				"Partnerskapet kräver förtroende.",
		},
		{
			URL: "/sv/grunder/kommunerna/", Title: "Kommunerna som upphandlande myndigheter", Section: "Grunder",
			Text: "Varje kommun är en upphandlande myndighet.\n" +
				"Kommunerna kan också upphandla tillsammans, till exempel skolmåltider.",
		},
		{
			URL: "/sv/metoder/marknadsdialog/", Title: "Marknadsdialog", Section: "Metoder",
			Headings: []string{"Former av dialog"},
			Text: "En marknadsdialog hjälper myndigheten att känna marknaden före anbudsförfrågan.\n" +
				"Dialogen kan gälla barnskydd, vård eller skola.",
		},
	},
	"en": {
		{
			URL: "/en/methods/market-dialogue/", Title: "Market dialogue", Section: "Methods",
			Headings: []string{"Forms of dialogue"},
			Text: "A market dialogue helps the contracting authority understand the market before the call for tenders.\n" +
				"The dialogue can be a request for information or an open event.",
		},
		{
			URL: "/en/methods/innovation-partnership/", Title: "Innovation partnership", Section: "Methods",
			Headings: []string{"Phases of a partnership"},
			Text: "An innovation partnership lets the buyer develop a new solution with suppliers.\n" +
				"The supplier's work is paid in phases.",
		},
		{
			URL: "/en/basics/procurement-act/", Title: "The Procurement Act", Section: "Basics",
			Headings: []string{"Scope", "Thresholds"},
			Text: "The Act applies to purchases by the state and municipalities.\n" +
				"It encourages dialogue with the market and the use of SMEs.\n" +
				"EU thresholds are revised every two years.",
		},
		{
			URL: "/en/guides/tender-evaluation/", Title: "Evaluating tenders", Section: "Guides",
			Headings: []string{"Price and quality"},
			Text: "Tenders are compared on price and quality.\n" +
				"Marketing material is not part of the tender.",
		},
	},
}
