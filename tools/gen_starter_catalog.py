#!/usr/bin/env python3
"""Generate the bundled starter code catalog in assets/catalog/ (codes.tsv, lists.tsv, sor_units.tsv).

The data below is our own compilation: LPR3 administrative codes from the public LPR3 documentation
(see docs: lpr3-reference.md, sources S1d, S1f, S5, S6, S11-S13), the ICD-10 3-character categories and
common 4-character subcategories with Danish texts written by us, and common SKS procedure codes from
general knowledge. Rows marked verified=0 must be checked against SKScomplete.txt; the app replaces the
starter rows when the user imports SKScomplete.txt.

Run:  python tools/gen_starter_catalog.py   (writes assets/catalog/*.tsv, prints counts)
Data blocks: one entry per line, "CODE<space>Danish text". Diagnosis blocks hold ICD-10 codes without
the SKS "D" prefix (added by the generator); all other blocks hold full SKS codes.
"""

from __future__ import annotations

# --------------------------------------------------------------------------------------------------
# Diagnoses, ICD-10 3-character categories (SKS code = "D" + ICD-10 code). verified=0.
# --------------------------------------------------------------------------------------------------

DIA_3 = """
A00 Kolera
A01 Tyfus og paratyfus
A02 Anden salmonellainfektion
A03 Shigellose
A04 Anden bakteriel tarminfektion
A05 Anden bakteriel fødevareforgiftning
A06 Amøbiasis
A07 Anden tarminfektion forårsaget af protozoer
A08 Virusinfektion og anden specificeret tarminfektion
A09 Anden gastroenteritis og colitis af infektiøs eller ikke specificeret oprindelse
A15 Lungetuberkulose, bakteriologisk eller histologisk bekræftet
A16 Lungetuberkulose, ikke bakteriologisk eller histologisk bekræftet
A17 Tuberkulose i nervesystemet
A18 Tuberkulose i andre organer
A19 Miliær tuberkulose
A20 Pest
A21 Tularæmi
A22 Miltbrand
A23 Brucellose
A24 Snive og melioidose
A25 Rottebidfeber
A26 Erysipeloid
A27 Leptospirose
A28 Anden bakteriel zoonose, ikke klassificeret andetsteds
A30 Spedalskhed
A31 Infektion med andre mykobakterier
A32 Listeriose
A33 Stivkrampe hos nyfødt
A34 Stivkrampe i forbindelse med svangerskab
A35 Anden stivkrampe
A36 Difteri
A37 Kighoste
A38 Skarlagensfeber
A39 Meningokokinfektion
A40 Sepsis forårsaget af streptokokker
A41 Anden sepsis
A42 Aktinomykose
A43 Nokardiose
A44 Bartonellose
A46 Rosen (erysipelas)
A48 Anden bakteriel sygdom, ikke klassificeret andetsteds
A49 Bakteriel infektion med ikke specificeret lokalisation
A50 Medfødt syfilis
A51 Tidlig syfilis
A52 Sen syfilis
A53 Anden og ikke specificeret syfilis
A54 Gonokokinfektion
A55 Lymphogranuloma venereum forårsaget af klamydia
A56 Anden seksuelt overført klamydiainfektion
A57 Blød schanker (chancroid)
A58 Granuloma inguinale
A59 Trikomoniasis
A60 Herpesvirusinfektion i anogenitalregionen
A63 Anden overvejende seksuelt overført sygdom, ikke klassificeret andetsteds
A64 Ikke specificeret seksuelt overført sygdom
A65 Ikke-venerisk syfilis
A66 Frambøsi
A67 Pinta
A68 Tilbagefaldsfeber
A69 Anden spirokætinfektion
A70 Infektion med Chlamydia psittaci
A71 Trakom
A74 Anden klamydiasygdom
A75 Plettyfus
A77 Plettet feber (flåtbåren rickettsiose)
A78 Q-feber
A79 Anden rickettsiose
A80 Akut poliomyelitis
A81 Atypisk virusinfektion i centralnervesystemet
A82 Rabies
A83 Myggebåren virusencephalitis
A84 Flåtbåren virusencephalitis
A85 Anden virusencephalitis, ikke klassificeret andetsteds
A86 Ikke specificeret virusencephalitis
A87 Virusmeningitis
A88 Anden virusinfektion i centralnervesystemet, ikke klassificeret andetsteds
A89 Ikke specificeret virusinfektion i centralnervesystemet
A90 Denguefeber
A91 Hæmoragisk denguefeber
A92 Anden myggebåren virusfeber
A93 Anden leddyrbåren virusfeber, ikke klassificeret andetsteds
A94 Ikke specificeret leddyrbåren virusfeber
A95 Gul feber
A96 Hæmoragisk feber forårsaget af arenavirus
A98 Anden viral hæmoragisk feber, ikke klassificeret andetsteds
A99 Ikke specificeret viral hæmoragisk feber
B00 Herpes simplex-infektion
B01 Skoldkopper
B02 Helvedesild (herpes zoster)
B03 Kopper
B04 Abekopper
B05 Mæslinger
B06 Røde hunde
B07 Virusvorter
B08 Anden virusinfektion med hud- og slimhindelæsioner, ikke klassificeret andetsteds
B09 Ikke specificeret virusinfektion med hud- og slimhindelæsioner
B15 Akut hepatitis A
B16 Akut hepatitis B
B17 Anden akut virushepatitis
B18 Kronisk virushepatitis
B19 Ikke specificeret virushepatitis
B20 HIV-sygdom med infektiøse og parasitære sygdomme
B21 HIV-sygdom med ondartede svulster
B22 HIV-sygdom med andre specificerede sygdomme
B23 HIV-sygdom med andre tilstande
B24 Ikke specificeret HIV-sygdom
B25 Cytomegalovirussygdom
B26 Fåresyge
B27 Mononukleose
B30 Viral konjunktivitis
B33 Anden virussygdom, ikke klassificeret andetsteds
B34 Virusinfektion med ikke specificeret lokalisation
B35 Dermatofytose
B36 Anden overfladisk svampeinfektion
B37 Candidiasis
B38 Coccidioidomykose
B39 Histoplasmose
B40 Blastomykose
B41 Parakoccidioidomykose
B42 Sporotrikose
B43 Kromomykose og feomykotisk absces
B44 Aspergillose
B45 Kryptokokkose
B46 Zygomykose
B47 Mycetom
B48 Anden svampeinfektion, ikke klassificeret andetsteds
B49 Ikke specificeret svampeinfektion
B50 Malaria forårsaget af Plasmodium falciparum
B51 Malaria forårsaget af Plasmodium vivax
B52 Malaria forårsaget af Plasmodium malariae
B53 Anden parasitologisk bekræftet malaria
B54 Ikke specificeret malaria
B55 Leishmaniasis
B56 Afrikansk trypanosomiasis
B57 Chagas' sygdom
B58 Toxoplasmose
B59 Pneumocystose
B60 Anden protozosygdom, ikke klassificeret andetsteds
B64 Ikke specificeret protozosygdom
B65 Schistosomiasis (bilharziose)
B66 Anden infektion med ikter
B67 Echinokokinfektion
B68 Bændelorminfektion (taeniasis)
B69 Cysticerkose
B70 Difyllobotriasis og sparganose
B71 Anden infektion med bændelorm
B72 Drakunkuliasis
B73 Onkocerkose
B74 Filariasis
B75 Trikinose
B76 Hageormsinfektion
B77 Spolorminfektion (ascariasis)
B78 Strongyloidiasis
B79 Piskeorminfektion (trichuriasis)
B80 Børneorminfektion (enterobiasis)
B81 Anden tarmhelminthiasis, ikke klassificeret andetsteds
B82 Ikke specificeret tarmparasitose
B83 Anden helminthiasis
B85 Lusesygdom
B86 Fnat (scabies)
B87 Myiasis
B88 Anden infestation
B89 Ikke specificeret parasitær sygdom
B90 Følger efter tuberkulose
B91 Følger efter poliomyelitis
B92 Følger efter spedalskhed
B94 Følger efter anden og ikke specificeret infektiøs eller parasitær sygdom
B95 Streptokokker og stafylokokker som årsag til sygdom klassificeret i andre kapitler
B96 Andre bakterier som årsag til sygdom klassificeret i andre kapitler
B97 Virus som årsag til sygdom klassificeret i andre kapitler
B98 Andre specificerede infektiøse agenser som årsag til sygdom klassificeret i andre kapitler
B99 Anden og ikke specificeret infektionssygdom
C00 Kræft i læbe
C01 Kræft i tungebasis
C02 Kræft i anden og ikke specificeret del af tunge
C03 Kræft i tandkød
C04 Kræft i mundbund
C05 Kræft i gane
C06 Kræft i anden og ikke specificeret del af mundhule
C07 Kræft i ørespytkirtel
C08 Kræft i anden og ikke specificeret stor spytkirtel
C09 Kræft i mandel
C10 Kræft i mundsvælg
C11 Kræft i næsesvælg
C12 Kræft i recessus piriformis
C13 Kræft i nedre svælg
C14 Kræft med anden og ikke nøjagtigt angivet lokalisation i læbe, mundhule og svælg
C15 Kræft i spiserør
C16 Kræft i mavesæk
C17 Kræft i tyndtarm
C18 Kræft i tyktarm
C19 Kræft i overgang mellem bugtarm og endetarm
C20 Kræft i endetarm
C21 Kræft i endetarmsåbning og analkanal
C22 Kræft i lever og intrahepatiske galdegange
C23 Kræft i galdeblære
C24 Kræft i anden og ikke specificeret del af galdeveje
C25 Kræft i bugspytkirtel
C26 Kræft med anden og ikke nøjagtigt angivet lokalisation i fordøjelsesorganer
C30 Kræft i næsehule og mellemøre
C31 Kræft i bihuler
C32 Kræft i strubehoved
C33 Kræft i luftrør
C34 Kræft i bronkie og lunge
C37 Kræft i thymus
C38 Kræft i hjerte, mediastinum og lungehinde
C39 Kræft med anden og ikke nøjagtigt angivet lokalisation i åndedrætsorganer og brysthule
C40 Kræft i knogle og ledbrusk i ekstremiteter
C41 Kræft i knogle og ledbrusk med anden og ikke specificeret lokalisation
C43 Modermærkekræft i hud (malignt melanom)
C44 Anden kræft i hud
C45 Mesoteliom
C46 Kaposis sarkom
C47 Kræft i perifere nerver og det autonome nervesystem
C48 Kræft i retroperitoneum og bughinde
C49 Kræft i andet bindevæv og bløddele
C50 Brystkræft
C51 Kræft i vulva
C52 Kræft i skede
C53 Livmoderhalskræft
C54 Kræft i livmoderkrop
C55 Kræft i livmoder, del ikke specificeret
C56 Kræft i æggestok
C57 Kræft i andre og ikke specificerede kvindelige kønsorganer
C58 Kræft i moderkage
C60 Kræft i penis
C61 Kræft i blærehalskirtel (prostatakræft)
C62 Kræft i testikel
C63 Kræft i andre og ikke specificerede mandlige kønsorganer
C64 Kræft i nyre ekskl. nyrebækken
C65 Kræft i nyrebækken
C66 Kræft i urinleder
C67 Kræft i urinblære
C68 Kræft i andre og ikke specificerede urinorganer
C69 Kræft i øje og øjenomgivelser
C70 Kræft i hjernehinder
C71 Kræft i hjerne
C72 Kræft i rygmarv, kranienerver og andre dele af centralnervesystemet
C73 Kræft i skjoldbruskkirtel
C74 Kræft i binyre
C75 Kræft i andre endokrine kirtler og beslægtede strukturer
C76 Kræft med anden og ikke nøjagtigt angivet lokalisation
C77 Sekundær og ikke specificeret kræft i lymfeknuder
C78 Sekundær kræft i åndedræts- og fordøjelsesorganer
C79 Sekundær kræft med anden og ikke specificeret lokalisation
C80 Kræft uden specifikation af lokalisation
C81 Hodgkins lymfom
C82 Follikulært lymfom
C83 Ikke-follikulært lymfom
C84 Modent T/NK-celle-lymfom
C85 Anden og ikke specificeret type af non-Hodgkin lymfom
C86 Andre specificerede typer af T/NK-celle-lymfom
C88 Ondartet immunoproliferativ sygdom
C90 Myelomatose og ondartede plasmacellesvulster
C91 Lymfatisk leukæmi
C92 Myeloid leukæmi
C93 Monocytleukæmi
C94 Anden leukæmi af specificeret celletype
C95 Leukæmi af ikke specificeret celletype
C96 Anden og ikke specificeret ondartet svulst i lymfoidt, bloddannende og beslægtet væv
C97 Kræft med flere selvstændige (primære) lokalisationer
D00 Carcinoma in situ i mundhule, spiserør og mavesæk
D01 Carcinoma in situ i andre og ikke specificerede fordøjelsesorganer
D02 Carcinoma in situ i mellemøre og åndedrætsorganer
D03 Melanoma in situ
D04 Carcinoma in situ i hud
D05 Carcinoma in situ i bryst
D06 Carcinoma in situ i livmoderhals
D07 Carcinoma in situ i andre og ikke specificerede kønsorganer
D09 Carcinoma in situ med anden og ikke specificeret lokalisation
D10 Godartet svulst i mund og svælg
D11 Godartet svulst i store spytkirtler
D12 Godartet svulst i tyktarm, endetarm, endetarmsåbning og analkanal
D13 Godartet svulst i andre og ikke nøjagtigt angivne dele af fordøjelsessystemet
D14 Godartet svulst i mellemøre og åndedrætsorganer
D15 Godartet svulst i andre og ikke specificerede organer i brysthulen
D16 Godartet svulst i knogle og ledbrusk
D17 Godartet fedtvævssvulst (lipom)
D18 Hæmangiom og lymfangiom uanset lokalisation
D19 Godartet svulst i mesotelialt væv
D20 Godartet svulst i bløddele i retroperitoneum og bughinde
D21 Anden godartet svulst i bindevæv og andet blødt væv
D22 Modermærke (melanocytært nævus)
D23 Anden godartet svulst i hud
D24 Godartet svulst i bryst
D25 Fibromyom i livmoder (leiomyom)
D26 Anden godartet svulst i livmoder
D27 Godartet svulst i æggestok
D28 Godartet svulst i andre og ikke specificerede kvindelige kønsorganer
D29 Godartet svulst i mandlige kønsorganer
D30 Godartet svulst i urinorganer
D31 Godartet svulst i øje og øjenomgivelser
D32 Godartet svulst i hjernehinder
D33 Godartet svulst i hjerne og andre dele af centralnervesystemet
D34 Godartet svulst i skjoldbruskkirtel
D35 Godartet svulst i andre og ikke specificerede endokrine kirtler
D36 Godartet svulst med anden og ikke specificeret lokalisation
D37 Svulst af usikker eller ukendt karakter i mundhule og fordøjelsesorganer
D38 Svulst af usikker eller ukendt karakter i mellemøre, åndedrætsorganer og organer i brysthulen
D39 Svulst af usikker eller ukendt karakter i kvindelige kønsorganer
D40 Svulst af usikker eller ukendt karakter i mandlige kønsorganer
D41 Svulst af usikker eller ukendt karakter i urinorganer
D42 Svulst af usikker eller ukendt karakter i hjernehinder
D43 Svulst af usikker eller ukendt karakter i hjerne og centralnervesystem
D44 Svulst af usikker eller ukendt karakter i endokrine kirtler
D45 Polycytaemia vera
D46 Myelodysplastisk syndrom
D47 Anden svulst af usikker eller ukendt karakter i lymfoidt, bloddannende og beslægtet væv
D48 Svulst af usikker eller ukendt karakter med anden og ikke specificeret lokalisation
D50 Jernmangelanæmi
D51 B12-vitaminmangelanæmi
D52 Folinsyremangelanæmi
D53 Anden ernæringsbetinget anæmi
D55 Anæmi forårsaget af enzymforstyrrelser
D56 Thalassæmi
D57 Seglcellesygdom
D58 Anden arvelig hæmolytisk anæmi
D59 Erhvervet hæmolytisk anæmi
D60 Erhvervet isoleret erytrocytaplasi
D61 Anden aplastisk anæmi
D62 Akut posthæmoragisk anæmi
D63 Anæmi ved kronisk sygdom klassificeret andetsteds
D64 Anden anæmi
D65 Dissemineret intravaskulær koagulation
D66 Arvelig faktor VIII-mangel (hæmofili A)
D67 Arvelig faktor IX-mangel (hæmofili B)
D68 Anden koagulationsforstyrrelse
D69 Purpura og andre blødningstilstande
D70 Agranulocytose
D71 Funktionsforstyrrelse i neutrofile granulocytter
D72 Anden sygdom i hvide blodlegemer
D73 Sygdom i milt
D74 Methæmoglobinæmi
D75 Anden sygdom i blod og bloddannende organer
D76 Anden specificeret sygdom i lymforetikulært væv og retikulohistiocytært system
D77 Anden sygdom i blod og bloddannende organer ved sygdom klassificeret andetsteds
D80 Immundefekt med overvejende antistofmangel
D81 Kombineret immundefekt
D82 Immundefekt i forbindelse med andre betydende defekter
D83 Almindelig variabel immundefekt
D84 Anden immundefekt
D86 Sarkoidose
D89 Anden forstyrrelse i immunsystemet, ikke klassificeret andetsteds
E00 Medfødt jodmangelsyndrom
E01 Jodmangelrelateret sygdom i skjoldbruskkirtel og lignende tilstande
E02 Subklinisk hypotyreose forårsaget af jodmangel
E03 Anden hypotyreose
E04 Anden ikke-toksisk struma
E05 Tyreotoksikose (hypertyreose)
E06 Tyreoiditis
E07 Anden sygdom i skjoldbruskkirtel
E10 Type 1-diabetes
E11 Type 2-diabetes
E12 Diabetes ved underernæring
E13 Anden specificeret diabetes
E14 Ikke specificeret diabetes
E15 Ikke-diabetisk hypoglykæmisk koma
E16 Anden forstyrrelse i bugspytkirtlens indre sekretion
E20 Hypoparatyreoidisme
E21 Hyperparatyreoidisme og anden sygdom i biskjoldbruskkirtel
E22 Overfunktion af hypofysen
E23 Underfunktion og anden sygdom i hypofysen
E24 Cushings syndrom
E25 Adrenogenitale forstyrrelser
E26 Hyperaldosteronisme
E27 Anden sygdom i binyre
E28 Ovariel dysfunktion
E29 Testikulær dysfunktion
E30 Pubertetsforstyrrelse, ikke klassificeret andetsteds
E31 Polyglandulær dysfunktion
E32 Sygdom i thymus
E34 Anden endokrin forstyrrelse
E35 Endokrin forstyrrelse ved sygdom klassificeret andetsteds
E40 Kwashiorkor
E41 Ernæringsbetinget marasmus
E42 Marasmisk kwashiorkor
E43 Ikke specificeret svær protein-energi-underernæring
E44 Protein-energi-underernæring af moderat eller let grad
E45 Væksthæmning efter protein-energi-underernæring
E46 Ikke specificeret protein-energi-underernæring
E50 A-vitaminmangel
E51 Thiaminmangel
E52 Niacinmangel (pellagra)
E53 Mangel på andre B-vitaminer
E54 C-vitaminmangel
E55 D-vitaminmangel
E56 Anden vitaminmangel
E58 Kalkmangel i kosten
E59 Selenmangel i kosten
E60 Zinkmangel i kosten
E61 Mangel på andre næringsstoffer
E63 Anden ernæringsmangel
E64 Følger efter underernæring og anden ernæringsmangel
E65 Lokaliseret fedme
E66 Fedme
E67 Anden overernæring
E68 Følger efter overernæring
E70 Forstyrrelse i stofskiftet af aromatiske aminosyrer
E71 Forstyrrelse i stofskiftet af forgrenede aminosyrer og fedtsyrer
E72 Anden forstyrrelse i aminosyrestofskiftet
E73 Laktoseintolerans
E74 Anden forstyrrelse i kulhydratstofskiftet
E75 Forstyrrelse i sfingolipidstofskiftet og anden lipidoplagringssygdom
E76 Forstyrrelse i glykosaminoglykanstofskiftet
E77 Forstyrrelse i glykoproteinstofskiftet
E78 Forstyrrelse i lipoproteinstofskiftet og anden lipidæmi
E79 Forstyrrelse i purin- og pyrimidinstofskiftet
E80 Forstyrrelse i porfyrin- og bilirubinstofskiftet
E83 Forstyrrelse i mineralstofskiftet
E84 Cystisk fibrose
E85 Amyloidose
E86 Væskemangel (dehydrering)
E87 Anden forstyrrelse i væske-, elektrolyt- og syre-base-balancen
E88 Anden stofskifteforstyrrelse
E89 Endokrin eller metabolisk forstyrrelse efter medicinsk behandling, ikke klassificeret andetsteds
E90 Ernærings- og stofskifteforstyrrelse ved sygdom klassificeret andetsteds
"""

DIA_3 += """
F00 Demens ved Alzheimers sygdom
F01 Vaskulær demens
F02 Demens ved andre sygdomme klassificeret andetsteds
F03 Ikke specificeret demens
F04 Organisk amnestisk syndrom, ikke forårsaget af alkohol eller andre psykoaktive stoffer
F05 Delirium, ikke forårsaget af alkohol eller andre psykoaktive stoffer
F06 Anden psykisk lidelse forårsaget af hjerneskade, hjernedysfunktion eller somatisk sygdom
F07 Personligheds- og adfærdsændring forårsaget af hjernesygdom, hjerneskade eller hjernedysfunktion
F09 Ikke specificeret organisk eller symptomatisk psykisk lidelse
F10 Psykiske lidelser og adfærdsforstyrrelser forårsaget af brug af alkohol
F11 Psykiske lidelser og adfærdsforstyrrelser forårsaget af brug af opioider
F12 Psykiske lidelser og adfærdsforstyrrelser forårsaget af brug af cannabis
F13 Psykiske lidelser og adfærdsforstyrrelser forårsaget af brug af sedativa eller hypnotika
F14 Psykiske lidelser og adfærdsforstyrrelser forårsaget af brug af kokain
F15 Psykiske lidelser og adfærdsforstyrrelser forårsaget af brug af andre stimulantia inkl. koffein
F16 Psykiske lidelser og adfærdsforstyrrelser forårsaget af brug af hallucinogener
F17 Psykiske lidelser og adfærdsforstyrrelser forårsaget af brug af tobak
F18 Psykiske lidelser og adfærdsforstyrrelser forårsaget af brug af flygtige opløsningsmidler
F19 Psykiske lidelser og adfærdsforstyrrelser forårsaget af brug af flere eller andre psykoaktive stoffer
F20 Skizofreni
F21 Skizotypisk sindslidelse
F22 Paranoide psykoser
F23 Akutte og forbigående psykoser
F24 Induceret psykose
F25 Skizoaffektive psykoser
F28 Andre ikke-organiske psykoser
F29 Ikke specificeret ikke-organisk psykose
F30 Manisk enkeltepisode
F31 Bipolar affektiv sindslidelse
F32 Depressiv enkeltepisode
F33 Periodisk depression
F34 Vedvarende affektive tilstande
F38 Andre affektive sindslidelser
F39 Ikke specificeret affektiv sindslidelse
F40 Fobiske angsttilstande
F41 Andre angsttilstande
F42 Obsessiv-kompulsiv tilstand (OCD)
F43 Belastningsreaktioner og tilpasningsreaktioner
F44 Dissociative tilstande
F45 Somatoforme tilstande
F48 Andre nervøse lidelser
F50 Spiseforstyrrelser
F51 Ikke-organiske søvnforstyrrelser
F52 Seksuelle dysfunktioner, ikke forårsaget af organisk lidelse eller sygdom
F53 Psykiske lidelser og adfærdsforstyrrelser i barselsperioden, ikke klassificeret andetsteds
F54 Psykologiske og adfærdsmæssige faktorer ved sygdom klassificeret andetsteds
F55 Misbrug af ikke-afhængighedsskabende stoffer
F59 Ikke specificerede adfærdsændringer forbundet med fysiologiske forstyrrelser og fysiske faktorer
F60 Specifikke personlighedsforstyrrelser
F61 Blandede og andre personlighedsforstyrrelser
F62 Vedvarende personlighedsændringer, ikke som følge af hjerneskade eller hjernesygdom
F63 Vane- og impulsforstyrrelser
F64 Kønsidentitetsforstyrrelser
F65 Seksuelle præferenceforstyrrelser
F66 Psykiske og adfærdsmæssige forstyrrelser forbundet med seksuel udvikling og orientering
F68 Andre forstyrrelser af personlighedsstruktur og adfærd hos voksne
F69 Ikke specificeret forstyrrelse af personlighedsstruktur og adfærd hos voksne
F70 Lettere mental retardering
F71 Moderat mental retardering
F72 Svær mental retardering
F73 Dyb mental retardering
F78 Anden mental retardering
F79 Ikke specificeret mental retardering
F80 Specifikke udviklingsforstyrrelser af tale og sprog
F81 Specifikke udviklingsforstyrrelser af indlæringsfærdigheder
F82 Specifik udviklingsforstyrrelse af motorisk funktion
F83 Blandede specifikke udviklingsforstyrrelser
F84 Gennemgribende udviklingsforstyrrelser
F88 Andre psykiske udviklingsforstyrrelser
F89 Ikke specificeret psykisk udviklingsforstyrrelse
F90 Hyperkinetiske forstyrrelser
F91 Adfærdsforstyrrelser
F92 Blandede forstyrrelser af adfærd og følelsesliv
F93 Emotionelle forstyrrelser med specifik debut i barndommen
F94 Forstyrrelser af social funktion med specifik debut i barndom eller ungdom
F95 Tics
F98 Andre adfærds- og følelsesmæssige forstyrrelser med debut i barndom eller ungdom
F99 Psykisk lidelse uden specifikation
G00 Bakteriel meningitis, ikke klassificeret andetsteds
G01 Meningitis ved bakteriesygdom klassificeret andetsteds
G02 Meningitis ved anden infektiøs eller parasitær sygdom klassificeret andetsteds
G03 Meningitis af anden og ikke specificeret årsag
G04 Encephalitis, myelitis og encephalomyelitis
G05 Encephalitis, myelitis og encephalomyelitis ved sygdom klassificeret andetsteds
G06 Intrakraniel og intraspinal absces og granulom
G07 Intrakraniel og intraspinal absces og granulom ved sygdom klassificeret andetsteds
G08 Intrakraniel og intraspinal flebitis og tromboflebitis
G09 Følger efter inflammatorisk sygdom i centralnervesystemet
G10 Huntingtons sygdom
G11 Arvelig ataksi
G12 Spinal muskelatrofi og beslægtede syndromer
G13 Systematrofi primært i centralnervesystemet ved sygdom klassificeret andetsteds
G14 Postpoliosyndrom
G20 Parkinsons sygdom
G21 Sekundær parkinsonisme
G22 Parkinsonisme ved sygdom klassificeret andetsteds
G23 Anden degenerativ sygdom i basalganglierne
G24 Dystoni
G25 Andre ekstrapyramidale sygdomme og bevægeforstyrrelser
G26 Ekstrapyramidale sygdomme og bevægeforstyrrelser ved sygdom klassificeret andetsteds
G30 Alzheimers sygdom
G31 Anden degenerativ sygdom i nervesystemet, ikke klassificeret andetsteds
G32 Anden degenerativ sygdom i nervesystemet ved sygdom klassificeret andetsteds
G35 Dissemineret sklerose
G36 Anden akut dissemineret demyelinisering
G37 Anden demyeliniserende sygdom i centralnervesystemet
G40 Epilepsi
G41 Status epilepticus
G43 Migræne
G44 Andre hovedpinesyndromer
G45 Forbigående cerebral iskæmi (TCI) og beslægtede syndromer
G46 Vaskulære hjernesyndromer ved cerebrovaskulær sygdom
G47 Søvnforstyrrelser
G50 Sygdom i nervus trigeminus
G51 Sygdom i nervus facialis
G52 Sygdom i andre kranienerver
G53 Kranienervesygdom ved sygdom klassificeret andetsteds
G54 Sygdom i nerverødder og nerveplekser
G55 Tryk på nerverødder og nerveplekser ved sygdom klassificeret andetsteds
G56 Mononeuropati i overekstremitet
G57 Mononeuropati i underekstremitet
G58 Anden mononeuropati
G59 Mononeuropati ved sygdom klassificeret andetsteds
G60 Arvelig og idiopatisk neuropati
G61 Inflammatorisk polyneuropati
G62 Anden polyneuropati
G63 Polyneuropati ved sygdom klassificeret andetsteds
G64 Anden sygdom i det perifere nervesystem
G70 Myasthenia gravis og anden sygdom i den neuromuskulære overgang
G71 Primær muskelsygdom
G72 Anden myopati
G73 Sygdom i den neuromuskulære overgang og muskler ved sygdom klassificeret andetsteds
G80 Cerebral parese
G81 Hemiplegi
G82 Paraplegi og tetraplegi
G83 Andre lammelsessyndromer
G90 Sygdom i det autonome nervesystem
G91 Hydrocephalus
G92 Toksisk encephalopati
G93 Anden sygdom i hjernen
G94 Anden sygdom i hjernen ved sygdom klassificeret andetsteds
G95 Anden sygdom i rygmarven
G96 Anden sygdom i centralnervesystemet
G97 Sygdom i nervesystemet efter medicinsk behandling, ikke klassificeret andetsteds
G98 Anden sygdom i nervesystemet, ikke klassificeret andetsteds
G99 Anden sygdom i nervesystemet ved sygdom klassificeret andetsteds
H00 Hordeolum og chalazion
H01 Anden betændelse i øjenlåg
H02 Anden sygdom i øjenlåg
H03 Sygdom i øjenlåg ved sygdom klassificeret andetsteds
H04 Sygdom i tåreapparat
H05 Sygdom i øjenhule
H06 Sygdom i tåreapparat og øjenhule ved sygdom klassificeret andetsteds
H10 Konjunktivitis
H11 Anden sygdom i bindehinde
H13 Sygdom i bindehinde ved sygdom klassificeret andetsteds
H15 Sygdom i senehinde (sclera)
H16 Keratitis
H17 Ar og uklarhed i hornhinde
H18 Anden sygdom i hornhinde
H19 Sygdom i senehinde og hornhinde ved sygdom klassificeret andetsteds
H20 Iridocyclitis
H21 Anden sygdom i regnbuehinde og strålelegeme
H22 Sygdom i regnbuehinde og strålelegeme ved sygdom klassificeret andetsteds
H25 Aldersbetinget grå stær
H26 Anden grå stær
H27 Anden sygdom i øjets linse
H28 Grå stær og anden sygdom i linse ved sygdom klassificeret andetsteds
H30 Chorioretinal betændelse
H31 Anden sygdom i årehinde
H32 Chorioretinal sygdom ved sygdom klassificeret andetsteds
H33 Nethindeløsning og nethinderifter
H34 Karokklusion i nethinde
H35 Anden sygdom i nethinde
H36 Nethindesygdom ved sygdom klassificeret andetsteds
H40 Glaukom (grøn stær)
H42 Glaukom ved sygdom klassificeret andetsteds
H43 Sygdom i glaslegeme
H44 Sygdom i øjeæble
H45 Sygdom i glaslegeme og øjeæble ved sygdom klassificeret andetsteds
H46 Synsnervebetændelse (opticusneuritis)
H47 Anden sygdom i synsnerve og synsbaner
H48 Sygdom i synsnerve og synsbaner ved sygdom klassificeret andetsteds
H49 Paralytisk skelen
H50 Anden skelen
H51 Anden forstyrrelse i binokulære øjenbevægelser
H52 Brydningsfejl og akkommodationsforstyrrelser
H53 Synsforstyrrelser
H54 Blindhed og svagsynethed
H55 Nystagmus og andre irregulære øjenbevægelser
H57 Anden sygdom i øje og øjenomgivelser
H58 Anden sygdom i øje og øjenomgivelser ved sygdom klassificeret andetsteds
H59 Sygdom i øje og øjenomgivelser efter medicinsk behandling, ikke klassificeret andetsteds
H60 Betændelse i ydre øre (otitis externa)
H61 Anden sygdom i ydre øre
H62 Sygdom i ydre øre ved sygdom klassificeret andetsteds
H65 Ikke-purulent mellemørebetændelse
H66 Purulent og ikke specificeret mellemørebetændelse
H67 Mellemørebetændelse ved sygdom klassificeret andetsteds
H68 Betændelse og forsnævring af øretrompet
H69 Anden sygdom i øretrompet
H70 Mastoiditis og beslægtede tilstande
H71 Kolesteatom i mellemøre
H72 Perforation af trommehinde
H73 Anden sygdom i trommehinde
H74 Anden sygdom i mellemøre og processus mastoideus
H75 Anden sygdom i mellemøre og processus mastoideus ved sygdom klassificeret andetsteds
H80 Otosklerose
H81 Forstyrrelse af vestibulærfunktion
H82 Svimmelhedssyndromer ved sygdom klassificeret andetsteds
H83 Anden sygdom i indre øre
H90 Konduktivt og sensorineuralt høretab
H91 Andet høretab
H92 Øresmerter og udflåd fra øre
H93 Anden sygdom i øre, ikke klassificeret andetsteds
H94 Anden sygdom i øre ved sygdom klassificeret andetsteds
H95 Sygdom i øre og processus mastoideus efter medicinsk behandling, ikke klassificeret andetsteds
I00 Gigtfeber uden hjertepåvirkning
I01 Gigtfeber med hjertepåvirkning
I02 Reumatisk chorea
I05 Reumatisk sygdom i mitralklap
I06 Reumatisk sygdom i aortaklap
I07 Reumatisk sygdom i trikuspidalklap
I08 Sygdom i flere hjerteklapper
I09 Anden reumatisk hjertesygdom
I10 Essentiel hypertension
I11 Hypertensiv hjertesygdom
I12 Hypertensiv nyresygdom
I13 Hypertensiv hjerte- og nyresygdom
I15 Sekundær hypertension
I20 Angina pectoris
I21 Akut myokardieinfarkt
I22 Nyt myokardieinfarkt
I23 Visse aktuelle komplikationer efter akut myokardieinfarkt
I24 Anden akut iskæmisk hjertesygdom
I25 Kronisk iskæmisk hjertesygdom
I26 Lungeemboli
I27 Anden pulmonal hjertesygdom
I28 Anden sygdom i lungekar
I30 Akut perikarditis
I31 Anden sygdom i hjertesæk
I32 Perikarditis ved sygdom klassificeret andetsteds
I33 Akut og subakut endokarditis
I34 Ikke-reumatisk sygdom i mitralklap
I35 Ikke-reumatisk sygdom i aortaklap
I36 Ikke-reumatisk sygdom i trikuspidalklap
I37 Sygdom i pulmonalklap
I38 Endokarditis, klap ikke specificeret
I39 Endokarditis og klapsygdom ved sygdom klassificeret andetsteds
I40 Akut myokarditis
I41 Myokarditis ved sygdom klassificeret andetsteds
I42 Kardiomyopati
I43 Kardiomyopati ved sygdom klassificeret andetsteds
I44 Atrioventrikulært blok og venstresidigt grenblok
I45 Andre ledningsforstyrrelser
I46 Hjertestop
I47 Paroksystisk takykardi
I48 Atrieflimren og atrieflagren
I49 Anden hjertearytmi
I50 Hjerteinsufficiens
I51 Komplikationer og dårligt definerede beskrivelser af hjertesygdom
I52 Anden hjertesygdom ved sygdom klassificeret andetsteds
I60 Subaraknoidalblødning
I61 Hjerneblødning
I62 Anden ikke-traumatisk intrakraniel blødning
I63 Hjerneinfarkt
I64 Apopleksi, ikke specificeret som blødning eller infarkt
I65 Okklusion og stenose af præcerebrale arterier uden hjerneinfarkt
I66 Okklusion og stenose af cerebrale arterier uden hjerneinfarkt
I67 Anden cerebrovaskulær sygdom
I68 Cerebrovaskulær sygdom ved sygdom klassificeret andetsteds
I69 Følger efter cerebrovaskulær sygdom
I70 Åreforkalkning (aterosklerose)
I71 Aortadissektion og aortaaneurisme
I72 Andet aneurisme og dissektion
I73 Anden perifer karsygdom
I74 Arteriel emboli og trombose
I77 Anden sygdom i arterier og arterioler
I78 Sygdom i kapillærer
I79 Sygdom i arterier, arterioler og kapillærer ved sygdom klassificeret andetsteds
I80 Flebitis og tromboflebitis
I81 Portåretrombose
I82 Anden venøs emboli og trombose
I83 Åreknuder på underekstremiteter
I85 Åreknuder i spiserør (øsofagusvaricer)
I86 Åreknuder med anden lokalisation
I87 Anden sygdom i vener
I88 Uspecifik lymfadenitis
I89 Anden ikke-infektiøs sygdom i lymfekar og lymfeknuder
I95 Hypotension
I97 Sygdom i kredsløbsorganer efter medicinsk behandling, ikke klassificeret andetsteds
I98 Anden sygdom i kredsløbsorganer ved sygdom klassificeret andetsteds
I99 Anden og ikke specificeret sygdom i kredsløbsorganer
J00 Akut rhinopharyngitis (forkølelse)
J01 Akut bihulebetændelse
J02 Akut halsbetændelse (pharyngitis)
J03 Akut mandelbetændelse (tonsillitis)
J04 Akut laryngitis og tracheitis
J05 Akut obstruktiv laryngitis (pseudocroup) og epiglottitis
J06 Akut infektion i øvre luftveje med multiple eller ikke specificerede lokalisationer
J09 Influenza forårsaget af identificeret zoonotisk eller pandemisk influenzavirus
J10 Influenza forårsaget af andet identificeret influenzavirus
J11 Influenza, virus ikke påvist
J12 Viruspneumoni, ikke klassificeret andetsteds
J13 Pneumoni forårsaget af Streptococcus pneumoniae
J14 Pneumoni forårsaget af Haemophilus influenzae
J15 Bakteriel pneumoni, ikke klassificeret andetsteds
J16 Pneumoni forårsaget af andre infektiøse organismer, ikke klassificeret andetsteds
J17 Pneumoni ved sygdom klassificeret andetsteds
J18 Pneumoni forårsaget af ikke specificeret mikroorganisme
J20 Akut bronkitis
J21 Akut bronkiolitis
J22 Ikke specificeret akut infektion i nedre luftveje
J30 Vasomotorisk og allergisk rhinitis
J31 Kronisk rhinitis, nasopharyngitis og pharyngitis
J32 Kronisk bihulebetændelse
J33 Næsepolyp
J34 Anden sygdom i næse og bihuler
J35 Kronisk sygdom i mandler og polypper
J36 Peritonsillær absces
J37 Kronisk laryngitis og laryngotracheitis
J38 Sygdom i stemmebånd og strubehoved, ikke klassificeret andetsteds
J39 Anden sygdom i øvre luftveje
J40 Bronkitis, ikke specificeret som akut eller kronisk
J41 Simpel og mukopurulent kronisk bronkitis
J42 Ikke specificeret kronisk bronkitis
J43 Emfysem
J44 Anden kronisk obstruktiv lungesygdom (KOL)
J45 Astma
J46 Svært astmaanfald (status asthmaticus)
J47 Bronkiektasier
J60 Kulminearbejderlunge
J61 Pneumokoniose forårsaget af asbest og andre mineralske fibre
J62 Pneumokoniose forårsaget af kvartsholdigt støv
J63 Pneumokoniose forårsaget af andet uorganisk støv
J64 Ikke specificeret pneumokoniose
J65 Pneumokoniose i forbindelse med tuberkulose
J66 Luftvejssygdom forårsaget af specifikt organisk støv
J67 Allergisk alveolitis forårsaget af organisk støv
J68 Luftvejssygdom forårsaget af kemikalier, gasser, røg og dampe
J69 Pneumonitis forårsaget af faste stoffer og væsker
J70 Luftvejssygdom forårsaget af andre ydre faktorer
J80 Akut lungesvigt hos voksne (ARDS)
J81 Lungeødem
J82 Lungeinfiltrat med eosinofili, ikke klassificeret andetsteds
J84 Anden interstitiel lungesygdom
J85 Absces i lunge og mediastinum
J86 Pyothorax
J90 Væske i lungehinden, ikke klassificeret andetsteds
J91 Væske i lungehinden ved sygdom klassificeret andetsteds
J92 Pleuraplaques
J93 Pneumothorax
J94 Anden sygdom i lungehinde
J95 Sygdom i åndedrætsorganer efter medicinsk behandling, ikke klassificeret andetsteds
J96 Respirationsinsufficiens, ikke klassificeret andetsteds
J98 Anden sygdom i åndedrætsorganer
J99 Sygdom i åndedrætsorganer ved sygdom klassificeret andetsteds
"""

DIA_3 += """
K00 Forstyrrelse i tandudvikling og tandfrembrud
K01 Retinerede og inkluderede tænder
K02 Caries (huller i tænderne)
K03 Anden sygdom i tændernes hårde væv
K04 Sygdom i tandpulpa og periapikalt væv
K05 Gingivitis og paradentose
K06 Anden sygdom i gingiva og tandløs alveolarkam
K07 Dentofaciale anomalier inkl. bidfejl
K08 Anden sygdom i tænder og tandstøttevæv
K09 Cyste i mundregionen, ikke klassificeret andetsteds
K10 Anden sygdom i kæber
K11 Sygdom i spytkirtler
K12 Stomatitis og beslægtede læsioner
K13 Anden sygdom i læbe og mundslimhinde
K14 Sygdom i tunge
K20 Øsofagitis
K21 Gastroøsofageal refluks
K22 Anden sygdom i spiserør
K23 Sygdom i spiserør ved sygdom klassificeret andetsteds
K25 Mavesår (ulcus ventriculi)
K26 Sår på tolvfingertarm (ulcus duodeni)
K27 Peptisk ulcus, lokalisation ikke specificeret
K28 Gastrojejunalt ulcus
K29 Gastritis og duodenitis
K30 Funktionel dyspepsi
K31 Anden sygdom i mavesæk og tolvfingertarm
K35 Akut blindtarmsbetændelse
K36 Anden blindtarmsbetændelse
K37 Ikke specificeret blindtarmsbetændelse
K38 Anden sygdom i blindtarm (appendix)
K40 Lyskebrok
K41 Lårbrok
K42 Navlebrok
K43 Brok i bugvæggen (ventralhernie)
K44 Mellemgulvsbrok
K45 Andet abdominalt brok
K46 Ikke specificeret abdominalt brok
K50 Crohns sygdom
K51 Colitis ulcerosa
K52 Anden ikke-infektiøs gastroenteritis og colitis
K55 Karsygdom i tarm
K56 Paralytisk ileus og tarmobstruktion uden brok
K57 Divertikelsygdom i tarm
K58 Irritabel tyktarm
K59 Anden funktionel tarmsygdom
K60 Fissur og fistel i endetarmsåbning og endetarm
K61 Absces i endetarms- og anusregionen
K62 Anden sygdom i endetarmsåbning og endetarm
K63 Anden sygdom i tarm
K64 Hæmorider og perianal venetrombose
K65 Bughindebetændelse (peritonitis)
K66 Anden sygdom i bughinde
K67 Sygdom i bughinde ved infektionssygdom klassificeret andetsteds
K70 Alkoholisk leversygdom
K71 Toksisk leversygdom
K72 Leversvigt, ikke klassificeret andetsteds
K73 Kronisk hepatitis, ikke klassificeret andetsteds
K74 Fibrose og cirrose i lever
K75 Anden inflammatorisk leversygdom
K76 Anden leversygdom
K77 Leversygdom ved sygdom klassificeret andetsteds
K80 Galdesten
K81 Galdeblærebetændelse (cholecystitis)
K82 Anden sygdom i galdeblære
K83 Anden sygdom i galdeveje
K85 Akut bugspytkirtelbetændelse
K86 Anden sygdom i bugspytkirtel
K87 Sygdom i galdeblære, galdeveje og bugspytkirtel ved sygdom klassificeret andetsteds
K90 Malabsorption i tarm
K91 Sygdom i fordøjelsesorganer efter medicinsk behandling, ikke klassificeret andetsteds
K92 Anden sygdom i fordøjelsessystemet
K93 Sygdom i andre fordøjelsesorganer ved sygdom klassificeret andetsteds
L00 Stafylokokbetinget skoldningslignende hudsyndrom
L01 Børnesår (impetigo)
L02 Hudabsces, furunkel og karbunkel
L03 Cellulitis
L04 Akut lymfadenitis
L05 Pilonidalcyste
L08 Anden lokal infektion i hud og underhud
L10 Pemfigus
L11 Anden akantolytisk hudsygdom
L12 Pemfigoid
L13 Anden bulløs hudsygdom
L14 Bulløs hudsygdom ved sygdom klassificeret andetsteds
L20 Atopisk eksem
L21 Seborrhoisk eksem
L22 Bleeksem
L23 Allergisk kontakteksem
L24 Irritativt kontakteksem
L25 Ikke specificeret kontakteksem
L26 Eksfoliativ dermatitis
L27 Dermatitis forårsaget af indtagne stoffer
L28 Lichen simplex chronicus og prurigo
L29 Kløe (pruritus)
L30 Anden dermatitis
L40 Psoriasis
L41 Parapsoriasis
L42 Pityriasis rosea
L43 Lichen planus
L44 Anden papuløs-skællende hudsygdom
L45 Papuløs-skællende hudsygdom ved sygdom klassificeret andetsteds
L50 Nældefeber (urticaria)
L51 Erythema multiforme
L52 Erythema nodosum
L53 Anden erytematøs tilstand
L54 Erytem ved sygdom klassificeret andetsteds
L55 Solskoldning
L56 Anden akut hudforandring forårsaget af ultraviolet stråling
L57 Hudforandring forårsaget af kronisk påvirkning af ikke-ioniserende stråling
L58 Strålingsdermatitis
L59 Anden sygdom i hud og underhud relateret til stråling
L60 Neglesygdom
L62 Neglesygdom ved sygdom klassificeret andetsteds
L63 Pletskaldethed (alopecia areata)
L64 Androgen alopeci
L65 Andet ikke-arrende hårtab
L66 Arrende hårtab
L67 Anomalier i hårfarve og hårstrå
L68 Hypertrikose
L70 Akne
L71 Rosacea
L72 Follikulær cyste i hud og underhud
L73 Anden follikulær sygdom
L74 Sygdom i ekkrine svedkirtler
L75 Sygdom i apokrine svedkirtler
L80 Vitiligo
L81 Anden pigmenteringsforstyrrelse
L82 Seborrhoisk keratose
L83 Acanthosis nigricans
L84 Ligtorn og hård hud
L85 Anden fortykkelse af epidermis
L86 Keratodermi ved sygdom klassificeret andetsteds
L87 Transepidermal eliminationsforstyrrelse
L88 Pyoderma gangraenosum
L89 Tryksår (decubitus)
L90 Atrofisk hudsygdom
L91 Hypertrofisk hudsygdom
L92 Granulomatøs sygdom i hud og underhud
L93 Lupus erythematosus
L94 Anden lokaliseret bindevævssygdom
L95 Vaskulitis begrænset til huden, ikke klassificeret andetsteds
L97 Sår på underekstremitet, ikke klassificeret andetsteds
L98 Anden sygdom i hud og underhud, ikke klassificeret andetsteds
L99 Anden sygdom i hud og underhud ved sygdom klassificeret andetsteds
M00 Pyogen artritis
M01 Direkte infektion i led ved infektiøs eller parasitær sygdom klassificeret andetsteds
M02 Reaktiv artritis
M03 Postinfektiøs og reaktiv artritis ved sygdom klassificeret andetsteds
M05 Seropositiv reumatoid artritis
M06 Anden reumatoid artritis
M07 Psoriasisartritis og artritis ved tarmsygdom
M08 Juvenil artritis
M09 Juvenil artritis ved sygdom klassificeret andetsteds
M10 Urinsyregigt (podagra)
M11 Anden krystalartropati
M12 Anden specifik artropati
M13 Anden artritis
M14 Artropati ved sygdom klassificeret andetsteds
M15 Polyartrose
M16 Hofteledsartrose (coxartrose)
M17 Knæledsartrose (gonartrose)
M18 Artrose i tommelfingerens rodled
M19 Anden artrose
M20 Erhvervede deformiteter af fingre og tæer
M21 Andre erhvervede deformiteter af ekstremiteter
M22 Sygdom i knæskal
M23 Intern knæledslæsion
M24 Anden specifik ledlidelse
M25 Anden ledlidelse, ikke klassificeret andetsteds
M30 Polyarteritis nodosa og beslægtede tilstande
M31 Anden nekrotiserende vaskulopati
M32 Systemisk lupus erythematosus
M33 Dermatopolymyositis
M34 Systemisk sklerose
M35 Anden systemisk bindevævssygdom
M36 Systemisk bindevævssygdom ved sygdom klassificeret andetsteds
M40 Kyfose og lordose
M41 Skoliose
M42 Osteokondrose i columna
M43 Anden deformerende rygsygdom
M45 Ankyloserende spondylitis (Bechterews sygdom)
M46 Anden inflammatorisk spondylopati
M47 Spondylose
M48 Anden spondylopati
M49 Spondylopati ved sygdom klassificeret andetsteds
M50 Cervikal diskussygdom
M51 Anden diskussygdom
M53 Anden rygsygdom, ikke klassificeret andetsteds
M54 Rygsmerter
M60 Myositis
M61 Forkalkning og knogledannelse i muskel
M62 Anden muskelsygdom
M63 Muskelsygdom ved sygdom klassificeret andetsteds
M65 Synovitis og tenosynovitis
M66 Spontan ruptur af synovialhinde og sene
M67 Anden sygdom i synovialhinde og sene
M68 Sygdom i synovialhinde og sene ved sygdom klassificeret andetsteds
M70 Bløddelssygdom relateret til brug, overbelastning og tryk
M71 Anden bursopati
M72 Fibroblastisk sygdom
M73 Bløddelssygdom ved sygdom klassificeret andetsteds
M75 Skulderlidelser
M76 Entesopatier i underekstremitet ekskl. fod
M77 Anden entesopati
M79 Anden bløddelssygdom, ikke klassificeret andetsteds
M80 Osteoporose med patologisk fraktur
M81 Osteoporose uden patologisk fraktur
M82 Osteoporose ved sygdom klassificeret andetsteds
M83 Osteomalaci hos voksne
M84 Forstyrrelse i knoglers kontinuitet
M85 Anden forstyrrelse i knogletæthed og knoglestruktur
M86 Osteomyelitis
M87 Osteonekrose
M88 Pagets knoglesygdom (osteitis deformans)
M89 Anden knoglesygdom
M90 Osteopati ved sygdom klassificeret andetsteds
M91 Juvenil osteokondrose i hofte og bækken
M92 Anden juvenil osteokondrose
M93 Anden osteokondropati
M94 Anden sygdom i brusk
M95 Anden erhvervet deformitet i bevægeapparat og bindevæv
M96 Sygdom i bevægeapparatet efter medicinsk behandling, ikke klassificeret andetsteds
M99 Biomekaniske læsioner, ikke klassificeret andetsteds
N00 Akut nefritisk syndrom
N01 Hurtigt progredierende nefritisk syndrom
N02 Recidiverende og vedvarende hæmaturi
N03 Kronisk nefritisk syndrom
N04 Nefrotisk syndrom
N05 Ikke specificeret nefritisk syndrom
N06 Isoleret proteinuri med specificeret morfologisk læsion
N07 Arvelig nefropati, ikke klassificeret andetsteds
N08 Glomerulær sygdom ved sygdom klassificeret andetsteds
N10 Akut tubulointerstitiel nefritis (akut pyelonefritis)
N11 Kronisk tubulointerstitiel nefritis
N12 Tubulointerstitiel nefritis, ikke specificeret som akut eller kronisk
N13 Obstruktiv og refluksbetinget uropati
N14 Lægemiddel- og tungmetalinduceret tubulointerstitiel og tubulær tilstand
N15 Anden tubulointerstitiel nyresygdom
N16 Tubulointerstitiel nyresygdom ved sygdom klassificeret andetsteds
N17 Akut nyresvigt
N18 Kronisk nyresygdom
N19 Ikke specificeret nyresvigt
N20 Sten i nyre og urinleder
N21 Sten i nedre urinveje
N22 Sten i urinveje ved sygdom klassificeret andetsteds
N23 Ikke specificeret nyrekolik
N25 Sygdom forårsaget af nedsat nyretubulusfunktion
N26 Ikke specificeret skrumpenyre
N27 Lille nyre af ukendt årsag
N28 Anden sygdom i nyre og urinleder, ikke klassificeret andetsteds
N29 Anden sygdom i nyre og urinleder ved sygdom klassificeret andetsteds
N30 Blærebetændelse (cystitis)
N31 Neuromuskulær dysfunktion af urinblære, ikke klassificeret andetsteds
N32 Anden sygdom i urinblære
N33 Sygdom i urinblære ved sygdom klassificeret andetsteds
N34 Urethritis og urethralsyndrom
N35 Forsnævring af urinrør (urethrastriktur)
N36 Anden sygdom i urinrør
N37 Sygdom i urinrør ved sygdom klassificeret andetsteds
N39 Anden sygdom i urinveje
N40 Godartet forstørrelse af blærehalskirtel (prostatahyperplasi)
N41 Betændelse i blærehalskirtel (prostatitis)
N42 Anden sygdom i blærehalskirtel
N43 Hydrocele og spermatocele
N44 Testikeltorsion
N45 Orchitis og epididymitis
N46 Mandlig infertilitet
N47 Forhudsforsnævring (phimosis), paraphimosis og for lang forhud
N48 Anden sygdom i penis
N49 Betændelse i mandlige kønsorganer, ikke klassificeret andetsteds
N50 Anden sygdom i mandlige kønsorganer
N51 Sygdom i mandlige kønsorganer ved sygdom klassificeret andetsteds
N60 Godartet brystkirteldysplasi
N61 Betændelse i brystkirtel (mastitis)
N62 Forstørrelse af bryst (hypertrofi)
N63 Ikke specificeret knude i bryst
N64 Anden sygdom i bryst
N70 Salpingitis og oophoritis
N71 Inflammatorisk sygdom i livmoder ekskl. livmoderhals
N72 Betændelse i livmoderhals (cervicitis)
N73 Anden inflammatorisk sygdom i kvindelige bækkenorganer
N74 Inflammatorisk sygdom i kvindelige bækkenorganer ved sygdom klassificeret andetsteds
N75 Sygdom i Bartholins kirtel
N76 Anden betændelse i skede og vulva
N77 Sår og betændelse i vulva og skede ved sygdom klassificeret andetsteds
N80 Endometriose
N81 Genitalt prolaps hos kvinde
N82 Fistel med deltagelse af kvindelige kønsorganer
N83 Ikke-inflammatorisk sygdom i æggestok, æggeleder og bredt ligament
N84 Polyp i kvindelige kønsorganer
N85 Anden ikke-inflammatorisk sygdom i livmoder ekskl. livmoderhals
N86 Erosion og ektropion af livmoderhals
N87 Celleforandringer i livmoderhals (dysplasi)
N88 Anden ikke-inflammatorisk sygdom i livmoderhals
N89 Anden ikke-inflammatorisk sygdom i skede
N90 Anden ikke-inflammatorisk sygdom i vulva og perineum
N91 Manglende, sparsom og sjælden menstruation
N92 Kraftig, hyppig og uregelmæssig menstruation
N93 Anden unormal blødning fra livmoder og skede
N94 Smerter og andre tilstande i kvindelige kønsorganer og i forbindelse med menstruation
N95 Menopausale og andre perimenopausale forstyrrelser
N96 Habituel abort
N97 Kvindelig infertilitet
N98 Komplikation i forbindelse med kunstig befrugtning
N99 Sygdom i urin- og kønsorganer efter medicinsk behandling, ikke klassificeret andetsteds
O00 Graviditet uden for livmoderen (ekstrauterin graviditet)
O01 Blæremola (mola hydatidosa)
O02 Andet unormalt svangerskabsprodukt
O03 Spontan abort
O04 Provokeret abort
O05 Anden abort
O06 Ikke specificeret abort
O07 Mislykket abortforsøg
O08 Komplikationer efter abort, graviditet uden for livmoderen og molagraviditet
O10 Forud bestående hypertension som komplikation til graviditet, fødsel og barselsperiode
O11 Forud bestående hypertension med tillæg af proteinuri
O12 Svangerskabsbetingede ødemer og proteinuri uden hypertension
O13 Svangerskabsbetinget hypertension uden betydende proteinuri
O14 Svangerskabsforgiftning (præeklampsi)
O15 Eklampsi
O16 Ikke specificeret hypertension hos moderen
O20 Blødning i tidlig graviditet
O21 Svær graviditetsopkastning (hyperemesis gravidarum)
O22 Venøse komplikationer under graviditet
O23 Infektion i urin- og kønsorganer under graviditet
O24 Diabetes under graviditet
O25 Underernæring under graviditet
O26 Omsorg for moderen ved andre tilstande overvejende relateret til graviditet
O28 Unormale fund ved prænatal screening af moderen
O29 Komplikationer ved anæstesi under graviditet
O30 Flerfoldsgraviditet
O31 Komplikationer specifikke for flerfoldsgraviditet
O32 Omsorg for moderen ved kendt eller formodet unormal fosterstilling
O33 Omsorg for moderen ved kendt eller formodet misforhold mellem foster og bækken
O34 Omsorg for moderen ved kendt eller formodet abnormitet i bækkenorganer
O35 Omsorg for moderen ved kendt eller formodet misdannelse eller skade hos fosteret
O36 Omsorg for moderen ved andre kendte eller formodede problemer hos fosteret
O40 Polyhydramnion
O41 Anden sygdom i fosterhinder og fostervand
O42 For tidlig vandafgang
O43 Sygdom i moderkage
O44 Forliggende moderkage (placenta praevia)
O45 For tidlig løsning af moderkage (abruptio placentae)
O46 Blødning før fødslen, ikke klassificeret andetsteds
O47 Plukkeveer
O48 Forlænget graviditet (graviditas prolongata)
O60 For tidlig fødsel
O61 Mislykket igangsætning af fødsel
O62 Unormale veer
O63 Langvarig fødsel
O64 Fødselshindring på grund af fosterets stilling eller præsentation
O65 Fødselshindring på grund af abnormitet i moderens bækken
O66 Anden fødselshindring
O67 Fødsel kompliceret af blødning under fødslen, ikke klassificeret andetsteds
O68 Fødsel kompliceret af fosterstress
O69 Fødsel kompliceret af navlesnorskomplikationer
O70 Bristning af mellemkød under fødsel
O71 Anden obstetrisk læsion
O72 Blødning efter fødslen
O73 Fastsiddende moderkage eller hinder uden blødning
O74 Komplikationer ved anæstesi under fødsel
O75 Andre komplikationer ved fødsel, ikke klassificeret andetsteds
O80 Spontan fødsel af ét barn
O81 Fødsel af ét barn ved tang eller vakuumekstraktion
O82 Fødsel af ét barn ved kejsersnit
O83 Anden assisteret fødsel af ét barn
O84 Flerfoldsfødsel
O85 Barselsfeber (puerperal sepsis)
O86 Anden infektion i barselsperioden
O87 Venøse komplikationer i barselsperioden
O88 Obstetrisk emboli
O89 Komplikationer ved anæstesi i barselsperioden
O90 Komplikationer i barselsperioden, ikke klassificeret andetsteds
O91 Infektion i bryst i forbindelse med fødsel
O92 Anden sygdom i bryst og ammeforstyrrelse i forbindelse med fødsel
O94 Følger efter komplikationer til graviditet, fødsel og barselsperiode
O95 Obstetrisk død af ikke specificeret årsag
O96 Død af obstetrisk årsag mere end 42 dage og mindre end ét år efter fødslen
O97 Død af følger efter obstetrisk årsag
O98 Infektiøs eller parasitær sygdom hos moderen, der komplicerer graviditet, fødsel og barselsperiode
O99 Anden sygdom hos moderen, der komplicerer graviditet, fødsel og barselsperiode
P00 Foster og nyfødt påvirket af tilstande hos moderen, som kan være uafhængige af graviditeten
P01 Foster og nyfødt påvirket af komplikationer til graviditeten hos moderen
P02 Foster og nyfødt påvirket af komplikationer fra moderkage, navlesnor og fosterhinder
P03 Foster og nyfødt påvirket af andre komplikationer ved veer og fødsel
P04 Foster og nyfødt påvirket af skadelige stoffer overført via moderkage eller modermælk
P05 Væksthæmning og underernæring hos foster
P07 Forstyrrelser relateret til kort svangerskabsvarighed og lav fødselsvægt, ikke klassificeret andetsteds
P08 Forstyrrelser relateret til lang svangerskabsvarighed og høj fødselsvægt
P10 Intrakraniel læsion og blødning på grund af fødselsskade
P11 Anden fødselsskade i centralnervesystemet
P12 Fødselsskade i hovedbund
P13 Fødselsskade i skelet
P14 Fødselsskade i perifert nervesystem
P15 Anden fødselsskade
P20 Intrauterin hypoksi
P21 Fødselsasfyksi
P22 Respiratorisk distress hos nyfødt
P23 Medfødt lungebetændelse
P24 Neonatale aspirationssyndromer
P25 Interstitielt emfysem og beslægtede tilstande opstået i perinatalperioden
P26 Lungeblødning opstået i perinatalperioden
P27 Kronisk lungesygdom opstået i perinatalperioden
P28 Anden respiratorisk tilstand opstået i perinatalperioden
P29 Kardiovaskulær tilstand opstået i perinatalperioden
P35 Medfødt virussygdom
P36 Bakteriel sepsis hos nyfødt
P37 Anden medfødt infektiøs eller parasitær sygdom
P38 Navlebetændelse hos nyfødt med eller uden let blødning
P39 Anden infektion specifik for perinatalperioden
P50 Blodtab hos foster
P51 Navleblødning hos nyfødt
P52 Intrakraniel ikke-traumatisk blødning hos foster og nyfødt
P53 Blødningssygdom hos foster og nyfødt
P54 Anden blødning hos nyfødt
P55 Hæmolytisk sygdom hos foster og nyfødt
P56 Hydrops føtalis forårsaget af hæmolytisk sygdom
P57 Kernikterus
P58 Gulsot hos nyfødt forårsaget af anden omfattende hæmolyse
P59 Gulsot hos nyfødt af anden og ikke specificeret årsag
P60 Dissemineret intravaskulær koagulation hos foster og nyfødt
P61 Anden perinatal hæmatologisk forstyrrelse
P70 Forbigående forstyrrelse i kulhydratstofskiftet specifik for foster og nyfødt
P71 Forbigående forstyrrelse i calcium- og magnesiumstofskiftet hos nyfødt
P72 Anden forbigående endokrin forstyrrelse hos nyfødt
P74 Anden forbigående elektrolyt- og stofskifteforstyrrelse hos nyfødt
P75 Mekoniumileus
P76 Anden tarmobstruktion hos nyfødt
P77 Nekrotiserende enterocolitis hos foster og nyfødt
P78 Anden sygdom i fordøjelsessystemet i perinatalperioden
P80 Hypotermi hos nyfødt
P81 Anden forstyrrelse i temperaturreguleringen hos nyfødt
P83 Anden tilstand i huden specifik for foster og nyfødt
P90 Kramper hos nyfødt
P91 Anden cerebral forstyrrelse hos nyfødt
P92 Spiseproblemer hos nyfødt
P93 Reaktioner og forgiftninger forårsaget af lægemidler givet til foster og nyfødt
P94 Forstyrrelse i muskeltonus hos nyfødt
P95 Fosterdød af ikke specificeret årsag
P96 Anden tilstand opstået i perinatalperioden
Q00 Anencefali og lignende misdannelser
Q01 Encefalocele
Q02 Mikrocefali
Q03 Medfødt hydrocephalus
Q04 Anden medfødt misdannelse af hjernen
Q05 Spina bifida
Q06 Anden medfødt misdannelse af rygmarven
Q07 Anden medfødt misdannelse af nervesystemet
Q10 Medfødt misdannelse af øjenlåg, tåreapparat og øjenhule
Q11 Anoftalmi, mikroftalmi og makroftalmi
Q12 Medfødt misdannelse af linsen
Q13 Medfødt misdannelse af forreste øjensegment
Q14 Medfødt misdannelse af bageste øjensegment
Q15 Anden medfødt misdannelse af øjet
Q16 Medfødt misdannelse af øret med nedsat hørelse
Q17 Anden medfødt misdannelse af øret
Q18 Anden medfødt misdannelse af ansigt og hals
Q20 Medfødt misdannelse af hjertets kamre og forbindelser
Q21 Medfødt misdannelse af hjerteskillevæg
Q22 Medfødt misdannelse af pulmonal- og trikuspidalklap
Q23 Medfødt misdannelse af aorta- og mitralklap
Q24 Anden medfødt misdannelse af hjertet
Q25 Medfødt misdannelse af store arterier
Q26 Medfødt misdannelse af store vener
Q27 Anden medfødt misdannelse af det perifere karsystem
Q28 Anden medfødt misdannelse af kredsløbssystemet
Q30 Medfødt misdannelse af næse
Q31 Medfødt misdannelse af strubehoved
Q32 Medfødt misdannelse af luftrør og bronkier
Q33 Medfødt misdannelse af lunge
Q34 Anden medfødt misdannelse af åndedrætssystemet
Q35 Ganespalte
Q36 Læbespalte
Q37 Ganespalte med læbespalte
Q38 Anden medfødt misdannelse af tunge, mund og svælg
Q39 Medfødt misdannelse af spiserør
Q40 Anden medfødt misdannelse af øvre fordøjelseskanal
Q41 Medfødt mangel, atresi og stenose af tyndtarm
Q42 Medfødt mangel, atresi og stenose af tyktarm
Q43 Anden medfødt misdannelse af tarm
Q44 Medfødt misdannelse af galdeblære, galdeveje og lever
Q45 Anden medfødt misdannelse af fordøjelsessystemet
Q50 Medfødt misdannelse af æggestokke, æggeledere og brede ligamenter
Q51 Medfødt misdannelse af livmoder og livmoderhals
Q52 Anden medfødt misdannelse af kvindelige kønsorganer
Q53 Ikke nedsunket testikel (kryptorkisme)
Q54 Hypospadi
Q55 Anden medfødt misdannelse af mandlige kønsorganer
Q56 Uafklaret køn og pseudohermafroditisme
Q60 Nyreagenesi og anden reduktionsdefekt af nyre
Q61 Cystenyresygdom
Q62 Medfødt obstruktiv defekt af nyrebækken og medfødt misdannelse af urinleder
Q63 Anden medfødt misdannelse af nyre
Q64 Anden medfødt misdannelse af urinvejene
Q65 Medfødt deformitet af hofte (hoftedysplasi)
Q66 Medfødt deformitet af fødder
Q67 Medfødt deformitet i muskler og skelet i hoved, ansigt, columna og thorax
Q68 Anden medfødt deformitet i muskler og skelet
Q69 Polydaktyli
Q70 Syndaktyli
Q71 Reduktionsdefekt af overekstremitet
Q72 Reduktionsdefekt af underekstremitet
Q73 Reduktionsdefekt af ikke specificeret ekstremitet
Q74 Anden medfødt misdannelse af ekstremitet
Q75 Anden medfødt misdannelse af kranie- og ansigtsknogler
Q76 Medfødt misdannelse af columna og knogler i thorax
Q77 Osteokondrodysplasi med vækstdefekt af rørknogler og columna
Q78 Anden osteokondrodysplasi
Q79 Medfødt misdannelse af muskler og skelet, ikke klassificeret andetsteds
Q80 Medfødt iktyose
Q81 Epidermolysis bullosa
Q82 Anden medfødt misdannelse af huden
Q83 Medfødt misdannelse af brystet
Q84 Anden medfødt misdannelse af hud og hudvedhæng
Q85 Fakomatoser, ikke klassificeret andetsteds
Q86 Medfødte misdannelsessyndromer forårsaget af kendte ydre årsager, ikke klassificeret andetsteds
Q87 Andre specificerede medfødte misdannelsessyndromer med påvirkning af flere systemer
Q89 Anden medfødt misdannelse, ikke klassificeret andetsteds
Q90 Downs syndrom
Q91 Edwards syndrom og Pataus syndrom
Q92 Anden trisomi og partiel trisomi af autosomer, ikke klassificeret andetsteds
Q93 Monosomi og deletion af autosomer, ikke klassificeret andetsteds
Q95 Balancerede omlejringer og strukturelle markører, ikke klassificeret andetsteds
Q96 Turners syndrom
Q97 Anden kønskromosomanomali, kvindelig fænotype, ikke klassificeret andetsteds
Q98 Anden kønskromosomanomali, mandlig fænotype, ikke klassificeret andetsteds
Q99 Anden kromosomanomali, ikke klassificeret andetsteds
R00 Unormal hjerterytme
R01 Hjertemislyde og andre hjertelyde
R02 Gangræn, ikke klassificeret andetsteds
R03 Unormal blodtryksmåling uden diagnose
R04 Blødning fra luftveje
R05 Hoste
R06 Unormal vejrtrækning
R07 Smerter i hals og brystkasse
R09 Andre symptomer og abnorme fund vedrørende kredsløbs- og åndedrætsorganer
R10 Mavesmerter og smerter i bækken
R11 Kvalme og opkastning
R12 Halsbrand
R13 Synkebesvær (dysfagi)
R14 Luft i maven (flatulens) og beslægtede tilstande
R15 Afføringsinkontinens
R16 Forstørret lever og milt, ikke klassificeret andetsteds
R17 Ikke specificeret gulsot
R18 Ascites
R19 Andre symptomer og abnorme fund vedrørende fordøjelsesorganer og bughule
R20 Føleforstyrrelser i huden
R21 Udslæt og andet uspecifikt hududslæt
R22 Lokaliseret hævelse, udfyldning eller knude i hud og underhud
R23 Andre hudforandringer
R25 Unormale ufrivillige bevægelser
R26 Unormal gang og bevægelighed
R27 Anden koordinationsforstyrrelse
R29 Andre symptomer og abnorme fund vedrørende nervesystem og bevægeapparat
R30 Smerter ved vandladning
R31 Ikke specificeret hæmaturi
R32 Ikke specificeret urininkontinens
R33 Urinretention
R34 Anuri og oliguri
R35 Polyuri
R36 Udflåd fra urinrør
R39 Andre symptomer og abnorme fund vedrørende urinvejene
R40 Somnolens, stupor og koma
R41 Andre symptomer og abnorme fund vedrørende kognitive funktioner og bevidsthed
R42 Svimmelhed
R43 Forstyrrelse i lugte- og smagssans
R44 Andre symptomer og abnorme fund vedrørende sanseindtryk og perception
R45 Symptomer og abnorme fund vedrørende følelseslivet
R46 Symptomer og abnorme fund vedrørende udseende og adfærd
R47 Taleforstyrrelser, ikke klassificeret andetsteds
R48 Dysleksi og andre symbolske funktionsforstyrrelser, ikke klassificeret andetsteds
R49 Stemmeforstyrrelser
R50 Feber af anden og ukendt årsag
R51 Hovedpine
R52 Smerter, ikke klassificeret andetsteds
R53 Utilpashed og træthed
R54 Alderdom
R55 Besvimelse og kollaps
R56 Kramper, ikke klassificeret andetsteds
R57 Shock, ikke klassificeret andetsteds
R58 Blødning, ikke klassificeret andetsteds
R59 Forstørrede lymfeknuder
R60 Ødem, ikke klassificeret andetsteds
R61 Øget svedtendens (hyperhidrose)
R62 Manglende forventet normal fysiologisk udvikling
R63 Symptomer og abnorme fund vedrørende fødeindtagelse
R64 Kakeksi
R65 Systemisk inflammatorisk respons-syndrom (SIRS)
R68 Andre almene symptomer og abnorme fund
R69 Ukendte og ikke specificerede årsager til sygdom
R70 Forhøjet sænkningsreaktion og unormal plasmaviskositet
R71 Unormale fund vedrørende røde blodlegemer
R72 Unormale fund vedrørende hvide blodlegemer, ikke klassificeret andetsteds
R73 Forhøjet blodsukker
R74 Unormale serumenzymværdier
R75 Laboratoriepåvisning af HIV
R76 Andre unormale immunologiske fund i serum
R77 Andre unormale fund vedrørende plasmaproteiner
R78 Fund af lægemidler og andre stoffer, som normalt ikke findes i blodet
R79 Andre unormale fund ved blodkemisk undersøgelse
R80 Isoleret proteinuri
R81 Glukosuri
R82 Andre unormale fund ved urinundersøgelse
R83 Unormale fund i cerebrospinalvæske
R84 Unormale fund i materiale fra åndedrætsorganer og brysthule
R85 Unormale fund i materiale fra fordøjelsesorganer og bughule
R86 Unormale fund i materiale fra mandlige kønsorganer
R87 Unormale fund i materiale fra kvindelige kønsorganer
R89 Unormale fund i materiale fra andre organer, systemer og væv
R90 Unormale fund ved billeddiagnostisk undersøgelse af centralnervesystemet
R91 Unormale fund ved billeddiagnostisk undersøgelse af lunge
R92 Unormale fund ved billeddiagnostisk undersøgelse af bryst
R93 Unormale fund ved billeddiagnostisk undersøgelse af andre kropsstrukturer
R94 Unormale resultater af funktionsundersøgelser
R95 Pludselig uventet spædbarnsdød (vuggedød)
R96 Anden pludselig død af ukendt årsag
R98 Død uden tilstedeværelse af vidner
R99 Anden dårligt defineret og ikke specificeret dødsårsag
"""

DIA_3 += """
S00 Overfladisk læsion på hoved
S01 Sår på hoved
S02 Brud på kranie- og ansigtsknogler
S03 Luksation, forstuvning og forstrækning af led og ledbånd i hoved
S04 Skade på kranienerver
S05 Skade på øje og øjenhule
S06 Intrakraniel læsion
S07 Knusningslæsion af hoved
S08 Traumatisk amputation af del af hoved
S09 Anden og ikke specificeret læsion af hoved
S10 Overfladisk læsion på hals
S11 Sår på hals
S12 Brud på halshvirvelsøjle
S13 Luksation, forstuvning og forstrækning af led og ledbånd i halsregionen
S14 Skade på nerver og rygmarv i halsregionen
S15 Skade på blodkar i halsregionen
S16 Skade på muskler og sener i halsregionen
S17 Knusningslæsion af hals
S18 Traumatisk amputation i halsniveau
S19 Anden og ikke specificeret læsion af hals
S20 Overfladisk læsion på brystkasse
S21 Sår på brystkasse
S22 Brud på ribben, brystben og brysthvirvelsøjle
S23 Luksation, forstuvning og forstrækning af led og ledbånd i brystkasse
S24 Skade på nerver og rygmarv i brystregionen
S25 Skade på blodkar i brystkasse
S26 Skade på hjerte
S27 Skade på andre og ikke specificerede organer i brysthulen
S28 Knusningslæsion af brystkasse og traumatisk amputation af del af brystkasse
S29 Anden og ikke specificeret læsion af brystkasse
S30 Overfladisk læsion på mave, lænd og bækken
S31 Sår på mave, lænd og bækken
S32 Brud på lændehvirvelsøjle og bækken
S33 Luksation, forstuvning og forstrækning af led og ledbånd i lændehvirvelsøjle og bækken
S34 Skade på nerver og lumbal rygmarv i mave-, lænde- og bækkenregionen
S35 Skade på blodkar i mave-, lænde- og bækkenregionen
S36 Skade på organer i bughulen
S37 Skade på urinveje og bækkenorganer
S38 Knusningslæsion og traumatisk amputation af del af mave, lænd og bækken
S39 Anden og ikke specificeret læsion af mave, lænd og bækken
S40 Overfladisk læsion på skulder og overarm
S41 Sår på skulder og overarm
S42 Brud på skulder og overarm
S43 Luksation, forstuvning og forstrækning af led og ledbånd i skulderbæltet
S44 Skade på nerver i skulder og overarm
S45 Skade på blodkar i skulder og overarm
S46 Skade på muskler og sener i skulder og overarm
S47 Knusningslæsion af skulder og overarm
S48 Traumatisk amputation af skulder og overarm
S49 Anden og ikke specificeret læsion af skulder og overarm
S50 Overfladisk læsion på underarm
S51 Sår på underarm
S52 Brud på underarm
S53 Luksation, forstuvning og forstrækning af led og ledbånd i albue
S54 Skade på nerver i underarm
S55 Skade på blodkar i underarm
S56 Skade på muskler og sener i underarm
S57 Knusningslæsion af underarm
S58 Traumatisk amputation af underarm
S59 Anden og ikke specificeret læsion af underarm
S60 Overfladisk læsion på håndled og hånd
S61 Sår på håndled og hånd
S62 Brud i håndled og hånd
S63 Luksation, forstuvning og forstrækning af led og ledbånd i håndled og hånd
S64 Skade på nerver i håndled og hånd
S65 Skade på blodkar i håndled og hånd
S66 Skade på muskler og sener i håndled og hånd
S67 Knusningslæsion af håndled og hånd
S68 Traumatisk amputation af håndled og hånd
S69 Anden og ikke specificeret læsion af håndled og hånd
S70 Overfladisk læsion på hofte og lår
S71 Sår på hofte og lår
S72 Brud på lårben
S73 Luksation, forstuvning og forstrækning af hofteled og ledbånd i hofte
S74 Skade på nerver i hofte og lår
S75 Skade på blodkar i hofte og lår
S76 Skade på muskler og sener i hofte og lår
S77 Knusningslæsion af hofte og lår
S78 Traumatisk amputation af hofte og lår
S79 Anden og ikke specificeret læsion af hofte og lår
S80 Overfladisk læsion på underben
S81 Sår på underben
S82 Brud på underben inkl. ankel
S83 Luksation, forstuvning og forstrækning af knæled og ledbånd i knæ
S84 Skade på nerver i underben
S85 Skade på blodkar i underben
S86 Skade på muskler og sener i underben
S87 Knusningslæsion af underben
S88 Traumatisk amputation af underben
S89 Anden og ikke specificeret læsion af underben
S90 Overfladisk læsion på ankel og fod
S91 Sår på ankel og fod
S92 Brud på fod ekskl. ankel
S93 Luksation, forstuvning og forstrækning af led og ledbånd i ankel og fod
S94 Skade på nerver i ankel og fod
S95 Skade på blodkar i ankel og fod
S96 Skade på muskler og sener i ankel og fod
S97 Knusningslæsion af ankel og fod
S98 Traumatisk amputation af ankel og fod
S99 Anden og ikke specificeret læsion af ankel og fod
T00 Overfladiske læsioner med flere lokalisationer
T01 Sår med flere lokalisationer
T02 Brud med flere lokalisationer
T03 Luksation, forstuvning og forstrækning med flere lokalisationer
T04 Knusningslæsioner med flere lokalisationer
T05 Traumatiske amputationer med flere lokalisationer
T06 Andre læsioner med flere lokalisationer, ikke klassificeret andetsteds
T07 Ikke specificerede multiple læsioner
T08 Brud på rygsøjle, niveau ikke specificeret
T09 Anden læsion af rygsøjle og krop, niveau ikke specificeret
T10 Brud på overekstremitet, niveau ikke specificeret
T11 Anden læsion af overekstremitet, niveau ikke specificeret
T12 Brud på underekstremitet, niveau ikke specificeret
T13 Anden læsion af underekstremitet, niveau ikke specificeret
T14 Læsion af ikke specificeret legemsregion
T15 Fremmedlegeme i ydre øje
T16 Fremmedlegeme i øre
T17 Fremmedlegeme i luftveje
T18 Fremmedlegeme i fordøjelseskanal
T19 Fremmedlegeme i urin- og kønsorganer
T20 Forbrænding og ætsning af hoved og hals
T21 Forbrænding og ætsning af krop
T22 Forbrænding og ætsning af skulder og overekstremitet ekskl. håndled og hånd
T23 Forbrænding og ætsning af håndled og hånd
T24 Forbrænding og ætsning af hofte og underekstremitet ekskl. ankel og fod
T25 Forbrænding og ætsning af ankel og fod
T26 Forbrænding og ætsning begrænset til øje og øjenomgivelser
T27 Forbrænding og ætsning af luftveje
T28 Forbrænding og ætsning af andre indre organer
T29 Forbrænding og ætsning med flere lokalisationer
T30 Forbrænding og ætsning, legemsregion ikke specificeret
T31 Forbrændinger klassificeret efter udstrækning af berørt legemsoverflade
T32 Ætsninger klassificeret efter udstrækning af berørt legemsoverflade
T33 Overfladisk forfrysning
T34 Forfrysning med vævsnekrose
T35 Forfrysning med flere lokalisationer og ikke specificeret forfrysning
T36 Forgiftning med systemisk virkende antibiotika
T37 Forgiftning med andre systemisk virkende anti-infektiøse og antiparasitære midler
T38 Forgiftning med hormoner, syntetiske erstatninger og antagonister, ikke klassificeret andetsteds
T39 Forgiftning med ikke-opioide analgetika, antipyretika og antireumatika
T40 Forgiftning med narkotika og psykodysleptika (hallucinogener)
T41 Forgiftning med anæstetika og terapeutiske gasser
T42 Forgiftning med antiepileptika, sedativa, hypnotika og antiparkinsonmidler
T43 Forgiftning med psykotrope midler, ikke klassificeret andetsteds
T44 Forgiftning med lægemidler med primær virkning på det autonome nervesystem
T45 Forgiftning med midler med primært systemisk og hæmatologisk virkning
T46 Forgiftning med midler med primær virkning på kredsløbet
T47 Forgiftning med midler med primær virkning på mave-tarmkanalen
T48 Forgiftning med midler med primær virkning på glat muskulatur, skeletmuskulatur og luftveje
T49 Forgiftning med lokalt virkende midler til hud og slimhinder samt øjen-, øre-, næse- og halsmidler
T50 Forgiftning med diuretika og andre og ikke specificerede lægemidler og biologiske stoffer
T51 Toksisk virkning af alkohol
T52 Toksisk virkning af organiske opløsningsmidler
T53 Toksisk virkning af halogenderivater af alifatiske og aromatiske kulbrinter
T54 Toksisk virkning af ætsende stoffer
T55 Toksisk virkning af sæber og rengøringsmidler
T56 Toksisk virkning af metaller
T57 Toksisk virkning af andre uorganiske stoffer
T58 Toksisk virkning af kulilte
T59 Toksisk virkning af andre gasser, dampe og røg
T60 Toksisk virkning af pesticider
T61 Toksisk virkning af skadelige stoffer indtaget med fisk og skaldyr
T62 Toksisk virkning af andre skadelige stoffer indtaget som føde
T63 Toksisk virkning af kontakt med giftige dyr
T64 Toksisk virkning af aflatoksin og andre mykotoksiner i fødevarer
T65 Toksisk virkning af andre og ikke specificerede stoffer
T66 Ikke specificeret virkning af stråling
T67 Virkning af varme og lys
T68 Hypotermi
T69 Anden virkning af nedsat temperatur
T70 Virkning af lufttryk og vandtryk
T71 Kvælning (asfyksi)
T73 Virkning af andre former for mangel
T74 Mishandlingssyndromer
T75 Virkning af andre ydre årsager
T78 Skadelige virkninger, ikke klassificeret andetsteds
T79 Visse tidlige komplikationer til traume, ikke klassificeret andetsteds
T80 Komplikationer efter infusion, transfusion og injektion
T81 Komplikationer til procedurer, ikke klassificeret andetsteds
T82 Komplikationer til proteser, implantater og transplantater i hjerte og kar
T83 Komplikationer til proteser, implantater og transplantater i urin- og kønsorganer
T84 Komplikationer til interne ortopædiske proteser, implantater og transplantater
T85 Komplikationer til andre interne proteser, implantater og transplantater
T86 Svigt og afstødning af transplanterede organer og væv
T87 Komplikationer ved replantation og amputation
T88 Andre komplikationer til kirurgisk og medicinsk behandling, ikke klassificeret andetsteds
T90 Følger efter læsion af hoved
T91 Følger efter læsion af hals og krop
T92 Følger efter læsion af overekstremitet
T93 Følger efter læsion af underekstremitet
T94 Følger efter læsioner med flere og ikke specificerede lokalisationer
T95 Følger efter forbrænding, ætsning og forfrysning
T96 Følger efter forgiftning med lægemidler og biologiske stoffer
T97 Følger efter toksisk virkning af stoffer med primært ikke-medicinsk anvendelse
T98 Følger efter andre og ikke specificerede virkninger af ydre årsager
Z00 Almen undersøgelse af person uden symptomer eller diagnose
Z01 Anden specialundersøgelse af person uden symptomer eller diagnose
Z02 Undersøgelse og kontakt af administrative årsager
Z03 Observation pga. mistanke om sygdom eller tilstand, som afkræftes
Z04 Undersøgelse og observation af andre årsager
Z08 Kontrolundersøgelse efter behandling for ondartet svulst
Z09 Kontrolundersøgelse efter behandling for anden tilstand end ondartet svulst
Z10 Rutinemæssig helbredsundersøgelse af defineret befolkningsgruppe
Z11 Screening for infektiøse og parasitære sygdomme
Z12 Screening for ondartet svulst
Z13 Screening for andre sygdomme og forstyrrelser
Z20 Kontakt med og udsættelse for smitsom sygdom
Z21 Asymptomatisk HIV-infektion
Z22 Bærer af smitsom sygdom
Z23 Behov for vaccination mod en enkelt bakteriel sygdom
Z24 Behov for vaccination mod visse enkelte virussygdomme
Z25 Behov for vaccination mod andre enkelte virussygdomme
Z26 Behov for vaccination mod andre enkelte infektionssygdomme
Z27 Behov for vaccination mod kombinationer af infektionssygdomme
Z28 Vaccination ikke givet
Z29 Behov for andre profylaktiske foranstaltninger
Z30 Prævention
Z31 Fertilitetsbehandling
Z32 Graviditetsundersøgelse og graviditetstest
Z33 Graviditet som tilfældigt fund
Z34 Kontrol af normal graviditet
Z35 Kontrol af højrisikograviditet
Z36 Prænatal screening
Z37 Resultat af fødsel
Z38 Levendefødte børn efter fødselssted
Z39 Undersøgelse og behandling efter fødsel
Z40 Profylaktisk kirurgi
Z41 Procedurer af andre grunde end helbredsproblemer
Z42 Opfølgende behandling med plastikkirurgi
Z43 Pleje af kunstige legemsåbninger
Z44 Tilpasning og justering af udvendig protese
Z45 Tilpasning og justering af implanteret hjælpemiddel
Z46 Tilpasning og justering af andre hjælpemidler
Z47 Anden ortopædisk efterbehandling
Z48 Anden kirurgisk efterbehandling
Z49 Behandling med dialyse
Z50 Behandling med genoptræning
Z51 Anden medicinsk behandling
Z52 Donor af organer og væv
Z53 Kontakt for specifik procedure, som ikke er udført
Z54 Rekonvalescens
Z55 Problemer i forbindelse med uddannelse og læse- og skrivefærdigheder
Z56 Problemer i forbindelse med arbejde og arbejdsløshed
Z57 Erhvervsmæssig udsættelse for risikofaktorer
Z58 Problemer i forbindelse med fysiske omgivelser
Z59 Problemer i forbindelse med bolig og økonomiske forhold
Z60 Problemer i forbindelse med sociale omgivelser
Z61 Problemer i forbindelse med negative livsbegivenheder i barndommen
Z62 Andre problemer i forbindelse med opvækst
Z63 Andre problemer i forbindelse med nærmeste familie
Z64 Problemer i forbindelse med visse psykosociale forhold
Z65 Problemer i forbindelse med andre psykosociale forhold
Z70 Rådgivning vedrørende seksuel holdning, adfærd og orientering
Z71 Kontakt for anden rådgivning og lægelig vejledning, ikke klassificeret andetsteds
Z72 Problemer i forbindelse med livsstil
Z73 Problemer i forbindelse med vanskeligheder med livsførelse
Z74 Problemer i forbindelse med afhængighed af plejeperson
Z75 Problemer i forbindelse med sundhedsvæsen og anden omsorg
Z76 Kontakt med sundhedsvæsenet under andre omstændigheder
Z80 Ondartet svulst i familieanamnesen
Z81 Psykisk lidelse og adfærdsforstyrrelse i familieanamnesen
Z82 Visse handicap og kroniske sygdomme i familieanamnesen
Z83 Andre specifikke sygdomme i familieanamnesen
Z84 Andre tilstande i familieanamnesen
Z85 Ondartet svulst i egen anamnese
Z86 Andre sygdomme i egen anamnese
Z87 Andre sygdomme og tilstande i egen anamnese
Z88 Allergi over for lægemidler og biologiske stoffer i egen anamnese
Z89 Erhvervet mangel på ekstremitet
Z90 Erhvervet mangel på organer, ikke klassificeret andetsteds
Z91 Risikofaktorer i egen anamnese, ikke klassificeret andetsteds
Z92 Medicinsk behandling i egen anamnese
Z93 Tilstand med kunstig legemsåbning
Z94 Tilstand med transplanteret organ og væv
Z95 Tilstand med implantater og transplantater i hjerte og kar
Z96 Tilstand med andre funktionelle implantater
Z97 Tilstand med andre hjælpemidler
Z98 Anden tilstand efter kirurgisk behandling
Z99 Afhængighed af maskiner og hjælpemidler, ikke klassificeret andetsteds
"""

# --------------------------------------------------------------------------------------------------
# Diagnoses, common 4-character subcategories of private-specialist areas (SKS = "D" + code). verified=0.
# --------------------------------------------------------------------------------------------------

DIA_4 = """
A630 Kondylomer i anogenitalregionen
A560 Klamydiainfektion i nedre urin- og kønsorganer
A600 Herpesvirusinfektion i kønsorganer og urinveje
B001 Herpes simplex-vesikulær dermatitis (forkølelsessår)
B002 Herpesvirus gingivostomatitis og pharyngotonsillitis
B005 Herpesvirussygdom i øjet
B019 Skoldkopper uden komplikationer
B021 Herpes zoster med meningitis
B022 Herpes zoster med anden påvirkning af nervesystemet
B023 Herpes zoster i øjet
B029 Herpes zoster uden komplikationer
B081 Molluscum contagiosum
B350 Ringorm i skæg og hovedbund (tinea barbae et capitis)
B351 Neglesvamp (tinea unguium)
B352 Svamp på hånd (tinea manuum)
B353 Fodsvamp (tinea pedis)
B354 Ringorm på kroppen (tinea corporis)
B356 Svamp i lysken (tinea cruris)
B359 Dermatofytose UNS
B360 Pityriasis versicolor
B370 Candida-stomatitis (trøske)
B372 Candidiasis i hud og negle
B373 Candidiasis i vulva og skede
B379 Candidiasis UNS
C180 Kræft i blindtarm (coecum)
C181 Kræft i appendix
C182 Kræft i colon ascendens
C183 Kræft i flexura hepatica
C184 Kræft i colon transversum
C185 Kræft i flexura lienalis
C186 Kræft i colon descendens
C187 Kræft i colon sigmoideum
C188 Kræft i tyktarm med overgribende vækst
C189 Kræft i tyktarm UNS
C340 Kræft i hovedbronkie
C341 Kræft i lungens overlap
C342 Kræft i lungens mellemlap
C343 Kræft i lungens underlap
C348 Kræft i bronkie og lunge med overgribende vækst
C349 Kræft i bronkie og lunge UNS
C430 Modermærkekræft på læbe
C431 Modermærkekræft på øjenlåg
C432 Modermærkekræft på øre og ydre øregang
C433 Modermærkekræft på anden og ikke specificeret del af ansigtet
C434 Modermærkekræft i hovedbund og på hals
C435 Modermærkekræft på truncus
C436 Modermærkekræft på overekstremitet inkl. skulder
C437 Modermærkekræft på underekstremitet inkl. hofte
C438 Modermærkekræft i hud med overgribende vækst
C439 Modermærkekræft i hud UNS
C440 Anden kræft i hud på læbe
C441 Anden kræft i hud på øjenlåg
C442 Anden kræft i hud på øre og ydre øregang
C443 Anden kræft i hud på anden og ikke specificeret del af ansigtet
C444 Anden kræft i hud i hovedbund og på hals
C445 Anden kræft i hud på truncus
C446 Anden kræft i hud på overekstremitet inkl. skulder
C447 Anden kræft i hud på underekstremitet inkl. hofte
C448 Anden kræft i hud med overgribende vækst
C449 Anden kræft i hud UNS
C500 Brystkræft i brystvorte og areola
C501 Brystkræft i centrale del af brystet
C502 Brystkræft i øvre indre kvadrant
C503 Brystkræft i nedre indre kvadrant
C504 Brystkræft i øvre ydre kvadrant
C505 Brystkræft i nedre ydre kvadrant
C506 Brystkræft i aksilhale
C508 Brystkræft med overgribende vækst
C509 Brystkræft UNS
C530 Kræft i endocervix
C531 Kræft i ektocervix
C539 Livmoderhalskræft UNS
C541 Kræft i livmoderslimhinden (endometriet)
C549 Kræft i livmoderkrop UNS
C620 Kræft i ikke nedsunket testikel
C629 Kræft i testikel UNS
C670 Kræft i urinblærens trigonum
C679 Kræft i urinblære UNS
C710 Kræft i storhjernen ekskl. lapper og ventrikler
C711 Kræft i hjernens pandelap
C712 Kræft i hjernens tindingelap
C713 Kræft i hjernens isselap
C714 Kræft i hjernens nakkelap
C715 Kræft i hjerneventrikel
C716 Kræft i lillehjernen
C717 Kræft i hjernestammen
C718 Kræft i hjerne med overgribende vækst
C719 Kræft i hjerne UNS
C770 Sekundær kræft i lymfeknuder i hoved, ansigt og hals
C771 Sekundær kræft i intrathorakale lymfeknuder
C772 Sekundær kræft i intraabdominale lymfeknuder
C773 Sekundær kræft i lymfeknuder i armhule og overekstremitet
C774 Sekundær kræft i lymfeknuder i lyske og underekstremitet
C775 Sekundær kræft i intrapelvine lymfeknuder
C778 Sekundær kræft i lymfeknuder i flere regioner
C779 Sekundær kræft i lymfeknuder UNS
C780 Sekundær kræft i lunge
C781 Sekundær kræft i mediastinum
C782 Sekundær kræft i lungehinde
C783 Sekundær kræft i andre og ikke specificerede åndedrætsorganer
C784 Sekundær kræft i tyndtarm
C785 Sekundær kræft i tyktarm og endetarm
C786 Sekundær kræft i retroperitoneum og bughinde
C787 Sekundær kræft i lever
C788 Sekundær kræft i andre og ikke specificerede fordøjelsesorganer
C790 Sekundær kræft i nyre og nyrebækken
C791 Sekundær kræft i urinblære og andre og ikke specificerede urinorganer
C792 Sekundær kræft i hud
C793 Sekundær kræft i hjerne og hjernehinder
C794 Sekundær kræft i andre og ikke specificerede dele af nervesystemet
C795 Sekundær kræft i knogle og knoglemarv
C796 Sekundær kræft i æggestok
C797 Sekundær kræft i binyre
C798 Sekundær kræft med anden specificeret lokalisation
C819 Hodgkins lymfom UNS
C833 Diffust storcellet B-celle-lymfom
C859 Non-Hodgkin lymfom UNS
C900 Myelomatose
C910 Akut lymfatisk leukæmi
C911 Kronisk lymfatisk leukæmi af B-celletype
C920 Akut myeloid leukæmi
C921 Kronisk myeloid leukæmi
D030 Melanoma in situ på læbe
D033 Melanoma in situ på anden og ikke specificeret del af ansigtet
D035 Melanoma in situ på truncus
D036 Melanoma in situ på overekstremitet inkl. skulder
D037 Melanoma in situ på underekstremitet inkl. hofte
D039 Melanoma in situ UNS
D045 Carcinoma in situ i hud på truncus
D049 Carcinoma in situ i hud UNS
D050 Lobulært carcinoma in situ i bryst
D051 Intraduktalt carcinoma in situ i bryst
D057 Andet carcinoma in situ i bryst
D059 Carcinoma in situ i bryst UNS
D060 Carcinoma in situ i endocervix
D069 Carcinoma in situ i livmoderhals UNS
D120 Godartet svulst i blindtarm (coecum)
D122 Godartet svulst i colon ascendens
D123 Godartet svulst i colon transversum
D124 Godartet svulst i colon descendens
D125 Godartet svulst i colon sigmoideum
D126 Godartet svulst i tyktarm UNS
D128 Godartet svulst i endetarm
D170 Lipom i hud og underhud i hoved, ansigt og hals
D171 Lipom i hud og underhud på truncus
D172 Lipom i hud og underhud på ekstremiteter
D173 Lipom i hud og underhud med anden og ikke specificeret lokalisation
D179 Lipom UNS
D180 Hæmangiom uanset lokalisation
D181 Lymfangiom uanset lokalisation
D220 Modermærke på læbe
D221 Modermærke på øjenlåg
D222 Modermærke på øre og ydre øregang
D223 Modermærke på anden og ikke specificeret del af ansigtet
D224 Modermærke i hovedbund og på hals
D225 Modermærke på truncus
D226 Modermærke på overekstremitet inkl. skulder
D227 Modermærke på underekstremitet inkl. hofte
D229 Modermærke UNS
D230 Anden godartet svulst i hud på læbe
D231 Anden godartet svulst i hud på øjenlåg
D232 Anden godartet svulst i hud på øre og ydre øregang
D233 Anden godartet svulst i hud på anden og ikke specificeret del af ansigtet
D234 Anden godartet svulst i hud i hovedbund og på hals
D235 Anden godartet svulst i hud på truncus
D236 Anden godartet svulst i hud på overekstremitet inkl. skulder
D237 Anden godartet svulst i hud på underekstremitet inkl. hofte
D239 Anden godartet svulst i hud UNS
D250 Submukøst leiomyom i livmoder
D251 Intramuralt leiomyom i livmoder
D252 Subserøst leiomyom i livmoder
D259 Leiomyom i livmoder UNS
D420 Svulst af usikker eller ukendt karakter i hjernehinder i kraniet
D421 Svulst af usikker eller ukendt karakter i spinale hjernehinder
D429 Svulst af usikker eller ukendt karakter i hjernehinder UNS
D485 Svulst af usikker eller ukendt karakter i hud
D486 Svulst af usikker eller ukendt karakter i bryst
D500 Jernmangelanæmi efter blodtab (kronisk)
D509 Jernmangelanæmi UNS
E039 Hypotyreose UNS
E041 Ikke-toksisk solitær knude i skjoldbruskkirtel
E042 Ikke-toksisk multinodøs struma
E050 Tyreotoksikose med diffus struma (Graves' sygdom)
E059 Tyreotoksikose UNS
E063 Autoimmun tyreoiditis (Hashimotos tyreoiditis)
E109 Type 1-diabetes uden komplikationer
E110 Type 2-diabetes med koma
E111 Type 2-diabetes med ketoacidose
E112 Type 2-diabetes med nyrekomplikationer
E113 Type 2-diabetes med øjenkomplikationer
E114 Type 2-diabetes med neurologiske komplikationer
E115 Type 2-diabetes med perifere kredsløbskomplikationer
E116 Type 2-diabetes med andre specificerede komplikationer
E117 Type 2-diabetes med multiple komplikationer
E118 Type 2-diabetes med ikke specificerede komplikationer
E119 Type 2-diabetes uden komplikationer
E660 Fedme forårsaget af overskud af kalorier
E669 Fedme UNS
E780 Ren hyperkolesterolæmi
E785 Hyperlipidæmi UNS
F100 Akut alkoholforgiftning
F101 Skadeligt brug af alkohol
F102 Alkoholafhængighed
F103 Alkoholabstinenstilstand
F104 Alkoholabstinenstilstand med delirium
F122 Cannabisafhængighed
F172 Tobaksafhængighed
F200 Paranoid skizofreni
F209 Skizofreni UNS
F310 Bipolar affektiv sindslidelse, aktuelt hypoman episode
F313 Bipolar affektiv sindslidelse, aktuelt let eller moderat depressiv episode
F317 Bipolar affektiv sindslidelse, aktuelt remission
F319 Bipolar affektiv sindslidelse UNS
F320 Let depressiv enkeltepisode
F321 Moderat depressiv enkeltepisode
F322 Svær depressiv enkeltepisode uden psykotiske symptomer
F323 Svær depressiv enkeltepisode med psykotiske symptomer
F328 Anden depressiv enkeltepisode
F329 Depressiv enkeltepisode UNS
F330 Periodisk depression, aktuelt let episode
F331 Periodisk depression, aktuelt moderat episode
F332 Periodisk depression, aktuelt svær episode uden psykotiske symptomer
F333 Periodisk depression, aktuelt svær episode med psykotiske symptomer
F334 Periodisk depression, aktuelt i remission
F339 Periodisk depression UNS
F341 Dystymi
F400 Agorafobi
F401 Socialfobi
F402 Enkelfobi
F410 Panikangst
F411 Generaliseret angst
F412 Blandet angst- og depressionstilstand
F419 Angsttilstand UNS
F429 Obsessiv-kompulsiv tilstand UNS
F430 Akut belastningsreaktion
F431 Posttraumatisk belastningsreaktion (PTSD)
F432 Tilpasningsreaktion
F438 Anden belastningsreaktion
F439 Belastningsreaktion UNS
F450 Somatiseringstilstand
F452 Hypokondri
F454 Vedvarende somatoform smertetilstand
F480 Neurasteni
F500 Anoreksi (anorexia nervosa)
F502 Bulimi (bulimia nervosa)
F510 Ikke-organisk søvnløshed
F603 Emotionelt ustabil personlighedsstruktur
F606 Ængstelig (evasiv) personlighedsstruktur
F840 Infantil autisme
F841 Atypisk autisme
F845 Aspergers syndrom
F900 Forstyrrelse af aktivitet og opmærksomhed (ADHD)
F901 Hyperkinetisk adfærdsforstyrrelse
F908 Anden hyperkinetisk forstyrrelse
F909 Hyperkinetisk forstyrrelse UNS
F952 Tourettes syndrom
F980 Ikke-organisk enuresis
G409 Epilepsi UNS
G430 Migræne uden aura
G431 Migræne med aura
G439 Migræne UNS
G442 Spændingshovedpine
G459 Forbigående cerebral iskæmi (TCI) UNS
G470 Søvnløshed (insomni)
G473 Søvnapnø
G500 Trigeminusneuralgi
G510 Facialisparese (Bells parese)
G560 Karpaltunnelsyndrom
G562 Læsion af nervus ulnaris
G571 Meralgia paraesthetica
G576 Læsion af nervus plantaris (Mortons neurom)
G629 Polyneuropati UNS
H000 Hordeolum og anden dyb betændelse i øjenlåg
H001 Chalazion
H010 Blepharitis
H020 Entropion og trikiasis
H021 Ektropion
H023 Blepharochalasis
H024 Ptose af øjenlåg
H041 Anden sygdom i tårekirtel (tørre øjne)
H045 Forsnævring og insufficiens af tåreveje
H100 Mukopurulent konjunktivitis
H101 Akut atopisk konjunktivitis
H103 Akut konjunktivitis UNS
H104 Kronisk konjunktivitis
H109 Konjunktivitis UNS
H110 Pterygium
H113 Blødning i bindehinde
H160 Hornhindesår
H186 Keratokonus
H250 Begyndende aldersbetinget grå stær
H251 Aldersbetinget nukleær grå stær
H252 Aldersbetinget morgagnisk grå stær
H258 Anden aldersbetinget grå stær
H259 Aldersbetinget grå stær UNS
H264 Efterstær (sekundær katarakt)
H269 Grå stær UNS
H330 Nethindeløsning med nethinderift
H332 Serøs nethindeløsning
H333 Nethinderift uden nethindeløsning
H335 Anden nethindeløsning
H341 Okklusion af arteria centralis retinae
H348 Anden karokklusion i nethinde
H350 Baggrundsretinopati og vaskulære forandringer i nethinde
H353 Degeneration af macula og bageste pol (aldersrelateret makuladegeneration)
H354 Perifer nethindedegeneration
H360 Diabetisk retinopati
H400 Mistanke om glaukom
H401 Primært åbenvinklet glaukom
H402 Primært snævervinklet glaukom
H403 Glaukom sekundært til traume i øjet
H404 Glaukom sekundært til betændelse i øjet
H405 Glaukom sekundært til anden øjensygdom
H406 Glaukom sekundært til lægemidler
H408 Andet glaukom
H409 Glaukom UNS
H431 Blødning i glaslegeme
H433 Anden uklarhed i glaslegeme
H438 Anden sygdom i glaslegeme
H500 Indadskelen (esotropi)
H501 Udadskelen (exotropi)
H520 Langsynethed (hypermetropi)
H521 Nærsynethed (myopi)
H522 Bygningsfejl (astigmatisme)
H524 Alderssyn (presbyopi)
H530 Dovent øje (amblyopi)
H532 Dobbeltsyn
H534 Synsfeltdefekter
H571 Øjensmerter
H600 Absces i ydre øre
H603 Anden infektiøs otitis externa
H609 Otitis externa UNS
H612 Ørevoks (cerumenprop)
H650 Akut serøs mellemørebetændelse
H652 Kronisk serøs mellemørebetændelse
H653 Kronisk mukøs mellemørebetændelse
H659 Ikke-purulent mellemørebetændelse UNS
H660 Akut purulent mellemørebetændelse
H661 Kronisk tubotympanal purulent mellemørebetændelse
H669 Mellemørebetændelse UNS
H681 Forsnævring af øretrompet
H690 Åbentstående øretrompet
H729 Perforation af trommehinde UNS
H810 Ménières sygdom
H811 Benign paroksystisk positionel vertigo (krystalsyge)
H812 Vestibularisneuronitis
H813 Anden perifer vertigo
H819 Forstyrrelse af vestibulærfunktion UNS
H900 Dobbeltsidigt konduktivt høretab
H903 Dobbeltsidigt sensorineuralt høretab
H904 Ensidigt sensorineuralt høretab
H905 Sensorineuralt høretab UNS
H906 Dobbeltsidigt kombineret konduktivt og sensorineuralt høretab
H910 Ototoksisk høretab
H911 Aldersbetinget høretab (presbyacusis)
H912 Pludseligt idiopatisk høretab
H918 Andet specificeret høretab
H919 Høretab UNS
H920 Øresmerter
H921 Udflåd fra øre
H922 Blødning fra øre
H931 Øresusen (tinnitus)
I209 Angina pectoris UNS
I219 Akut myokardieinfarkt UNS
I259 Kronisk iskæmisk hjertesygdom UNS
I480 Paroksystisk atrieflimren
I481 Persisterende atrieflimren
I482 Kronisk atrieflimren
I483 Typisk atrieflagren
I484 Atypisk atrieflagren
I489 Atrieflimren og atrieflagren UNS
I509 Hjerteinsufficiens UNS
I639 Hjerneinfarkt UNS
I830 Åreknuder på underekstremitet med sår
I831 Åreknuder på underekstremitet med betændelse
I832 Åreknuder på underekstremitet med sår og betændelse
I839 Åreknuder på underekstremitet uden sår eller betændelse
J010 Akut maksillær bihulebetændelse
J011 Akut frontal bihulebetændelse
J019 Akut bihulebetændelse UNS
J020 Halsbetændelse forårsaget af streptokokker
J029 Akut halsbetændelse UNS
J030 Mandelbetændelse forårsaget af streptokokker
J039 Akut mandelbetændelse UNS
J069 Akut infektion i øvre luftveje UNS
J189 Pneumoni UNS
J300 Vasomotorisk rhinitis
J301 Allergisk rhinitis forårsaget af pollen (høfeber)
J302 Anden sæsonbetinget allergisk rhinitis
J303 Anden allergisk rhinitis
J304 Allergisk rhinitis UNS
J310 Kronisk rhinitis
J320 Kronisk maksillær bihulebetændelse
J321 Kronisk frontal bihulebetændelse
J324 Kronisk pansinuitis
J329 Kronisk bihulebetændelse UNS
J330 Polyp i næsehulen
J331 Polypøs degeneration af bihule
J339 Næsepolyp UNS
J340 Absces, furunkel og karbunkel i næse
J341 Cyste og mucocele i næse og bihule
J342 Skæv næseskillevæg (septumdeviation)
J343 Hypertrofi af næsemuslinger
J350 Kronisk mandelbetændelse
J351 Forstørrede mandler
J352 Forstørrede polypper (adenoide vegetationer)
J353 Forstørrede mandler og polypper
J358 Anden kronisk sygdom i mandler og polypper
J359 Kronisk sygdom i mandler og polypper UNS
J380 Stemmebåndslammelse
J381 Polyp på stemmebånd og strubehoved
J382 Stemmebåndsknuder
J440 KOL med akut infektion i nedre luftveje
J441 KOL med akut forværring
J448 Anden specificeret kronisk obstruktiv lungesygdom
J449 Kronisk obstruktiv lungesygdom UNS
J450 Overvejende allergisk astma
J451 Ikke-allergisk astma
J458 Blandet astma
J459 Astma UNS
K210 Gastroøsofageal refluks med øsofagitis
K219 Gastroøsofageal refluks uden øsofagitis
K297 Gastritis UNS
K402 Dobbeltsidigt lyskebrok uden inkarceration eller gangræn
K409 Ensidigt lyskebrok uden inkarceration eller gangræn
K429 Navlebrok uden inkarceration eller gangræn
K439 Ventralhernie uden inkarceration eller gangræn
K573 Divertikelsygdom i tyktarm uden perforation eller absces
K580 Irritabel tyktarm med diarré
K589 Irritabel tyktarm uden diarré
K590 Forstoppelse
K602 Analfissur UNS
K603 Analfistel
K621 Polyp i endetarm
K625 Blødning fra endetarmsåbning og endetarm
K635 Polyp i tyktarm
K640 Første grads hæmorider
K641 Anden grads hæmorider
K642 Tredje grads hæmorider
K643 Fjerde grads hæmorider
K644 Resterende hæmorideknuder (marisker)
K645 Perianal venetrombose
K649 Hæmorider UNS
K800 Galdesten i galdeblære med akut galdeblærebetændelse
K801 Galdesten i galdeblære med anden galdeblærebetændelse
K802 Galdesten i galdeblære uden galdeblærebetændelse
L208 Anden atopisk dermatitis
L209 Atopisk dermatitis UNS
L210 Seborrhoisk dermatitis i hovedbund
L219 Seborrhoisk dermatitis UNS
L230 Allergisk kontakteksem forårsaget af metaller
L235 Allergisk kontakteksem forårsaget af andre kemiske produkter
L239 Allergisk kontakteksem UNS
L249 Irritativt kontakteksem UNS
L301 Dyshidrose (pompholyx)
L303 Infektiøs dermatitis
L308 Anden specificeret dermatitis
L309 Dermatitis UNS
L400 Psoriasis vulgaris
L401 Generaliseret pustuløs psoriasis
L403 Pustulosis palmoplantaris
L404 Psoriasis guttata
L405 Psoriasis med ledpåvirkning
L408 Anden psoriasis
L409 Psoriasis UNS
L439 Lichen planus UNS
L500 Allergisk urticaria
L501 Idiopatisk urticaria
L505 Kolinergisk urticaria
L508 Anden urticaria
L509 Urticaria UNS
L570 Aktinisk keratose
L600 Nedgroet negl
L639 Pletskaldethed UNS
L649 Androgen alopeci UNS
L700 Acne vulgaris
L701 Acne conglobata
L708 Anden akne
L709 Akne UNS
L710 Perioral dermatitis
L711 Rhinophyma
L719 Rosacea UNS
L720 Epidermal cyste
L721 Trichilemmal cyste (aterom)
L729 Follikulær cyste i hud og underhud UNS
L732 Hidrosadenitis suppurativa
L740 Miliaria rubra
L810 Postinflammatorisk hyperpigmentering
L811 Melasma (kloasma)
L814 Anden melaninhyperpigmentering
L853 Tør hud (xerosis cutis)
L905 Ar og fibrose i huden
L910 Hypertrofisk ar (keloid)
L980 Pyogent granulom
M059 Seropositiv reumatoid artritis UNS
M060 Seronegativ reumatoid artritis
M069 Reumatoid artritis UNS
M100 Idiopatisk urinsyregigt
M109 Urinsyregigt UNS
M130 Polyartritis UNS
M131 Monoartritis, ikke klassificeret andetsteds
M139 Artritis UNS
M160 Primær dobbeltsidig hofteledsartrose
M161 Anden primær hofteledsartrose
M162 Dobbeltsidig hofteledsartrose efter hofteledsdysplasi
M163 Anden hofteledsartrose efter hofteledsdysplasi
M164 Dobbeltsidig posttraumatisk hofteledsartrose
M165 Anden posttraumatisk hofteledsartrose
M166 Anden dobbeltsidig sekundær hofteledsartrose
M167 Anden sekundær hofteledsartrose
M169 Hofteledsartrose UNS
M170 Primær dobbeltsidig knæledsartrose
M171 Anden primær knæledsartrose
M172 Dobbeltsidig posttraumatisk knæledsartrose
M173 Anden posttraumatisk knæledsartrose
M174 Anden dobbeltsidig sekundær knæledsartrose
M175 Anden sekundær knæledsartrose
M179 Knæledsartrose UNS
M180 Primær dobbeltsidig artrose i tommelfingerens rodled
M181 Anden primær artrose i tommelfingerens rodled
M189 Artrose i tommelfingerens rodled UNS
M190 Primær artrose i andre led
M191 Posttraumatisk artrose i andre led
M192 Anden sekundær artrose
M199 Artrose UNS
M200 Deformitet af finger
M201 Hallux valgus (erhvervet)
M202 Hallux rigidus
M203 Anden deformitet af storetå (erhvervet)
M204 Anden hammertå (erhvervet)
M205 Anden deformitet af tå (erhvervet)
M210 Valgusdeformitet, ikke klassificeret andetsteds
M211 Varusdeformitet, ikke klassificeret andetsteds
M214 Platfod (erhvervet)
M216 Anden erhvervet deformitet af ankel og fod
M217 Ulige ekstremitetslængde (erhvervet)
M220 Recidiverende luksation af knæskal
M221 Recidiverende subluksation af knæskal
M222 Patellofemoral lidelse
M224 Chondromalacia patellae
M229 Sygdom i knæskal UNS
M230 Meniskcyste
M231 Diskoid menisk (medfødt)
M232 Meniskforandring efter gammel ruptur eller skade
M233 Anden meniskforandring
M234 Løst legeme i knæled
M235 Kronisk instabilitet af knæled
M236 Anden spontan ruptur af ledbånd i knæ
M238 Anden intern knæledslæsion
M239 Intern knæledslæsion UNS
M240 Løst legeme i led
M241 Anden ledbruskforandring
M244 Recidiverende luksation og subluksation af led
M245 Ledkontraktur
M246 Ankylose af led
M250 Hæmartros
M253 Anden instabilitet af led
M254 Ledeffusion
M255 Ledsmerter
M256 Ledstivhed, ikke klassificeret andetsteds
M259 Ledlidelse UNS
M353 Polymyalgia rheumatica
M410 Infantil idiopatisk skoliose
M411 Juvenil idiopatisk skoliose
M419 Skoliose UNS
M430 Spondylolyse
M431 Spondylolistese
M472 Anden spondylose med radikulopati
M478 Anden spondylose
M479 Spondylose UNS
M480 Spinalstenose
M485 Sammenfald af hvirvel, ikke klassificeret andetsteds
M500 Cervikal diskusprolaps med myelopati
M501 Cervikal diskussygdom med radikulopati
M502 Anden cervikal diskusprolaps
M503 Anden cervikal diskusdegeneration
M509 Cervikal diskussygdom UNS
M510 Lumbal og anden diskussygdom med myelopati
M511 Lumbal og anden diskussygdom med radikulopati
M512 Anden specificeret diskusprolaps
M513 Anden specificeret diskusdegeneration
M514 Schmorls knuder
M519 Diskussygdom UNS
M530 Cervikokranielt syndrom
M531 Cervikobrakialt syndrom
M533 Sygdom i halebensregionen, ikke klassificeret andetsteds
M539 Rygsygdom UNS
M541 Radikulopati
M542 Nakkesmerter
M543 Iskias
M544 Lændesmerter med iskias
M545 Lændesmerter
M546 Smerter i brysthvirvelsøjlen
M548 Andre rygsmerter
M549 Rygsmerter UNS
M653 Springfinger
M654 Tenosynovitis styloidea radii (de Quervain)
M658 Anden synovitis og tenosynovitis
M659 Synovitis og tenosynovitis UNS
M663 Spontan ruptur af bøjesener
M664 Spontan ruptur af andre sener
M674 Ganglion
M678 Anden specificeret sygdom i synovialhinde og sene
M700 Kronisk krepiterende synovitis i hånd og håndled
M702 Slimsækbetændelse ved albuen (bursitis olecrani)
M704 Slimsækbetændelse foran knæskallen (bursitis praepatellaris)
M706 Slimsækbetændelse ved trochanter major
M712 Synovialcyste i knæhasen (Bakers cyste)
M715 Anden bursitis, ikke klassificeret andetsteds
M720 Dupuytrens kontraktur
M722 Plantar fasciitis
M750 Frossen skulder (adhæsiv kapsulitis)
M751 Rotator cuff-syndrom
M752 Bicepstendinitis
M753 Kalkaflejring i skulder
M754 Impingement-syndrom i skulder
M755 Slimsækbetændelse i skulder
M758 Anden skulderlidelse
M759 Skulderlidelse UNS
M760 Tendinitis glutealis
M761 Tendinitis iliopsoas
M763 Iliotibialbånd-syndrom
M765 Tendinitis patellae (springerknæ)
M766 Tendinitis achillea
M767 Tendinitis peronea
M768 Anden entesopati i underekstremitet ekskl. fod
M770 Medial epikondylitis (golfalbue)
M771 Lateral epikondylitis (tennisalbue)
M773 Hælspore
M774 Metatarsalgi
M778 Anden entesopati, ikke klassificeret andetsteds
M779 Entesopati UNS
M790 Reumatisme UNS
M791 Muskelsmerter (myalgi)
M792 Neuralgi og neuritis UNS
M796 Smerter i ekstremitet
M797 Fibromyalgi
M799 Bløddelssygdom UNS
M810 Postmenopausal osteoporose
M815 Idiopatisk osteoporose
M819 Osteoporose UNS
M840 Fejlstillet fraktur
M841 Manglende frakturheling (pseudartrose)
M842 Forsinket frakturheling
M843 Træthedsbrud, ikke klassificeret andetsteds
M844 Patologisk fraktur, ikke klassificeret andetsteds
M870 Idiopatisk aseptisk knoglenekrose
M879 Osteonekrose UNS
M932 Osteochondritis dissecans
M942 Kondromalaci
N200 Nyresten
N201 Sten i urinleder
N300 Akut blærebetændelse
N309 Blærebetændelse UNS
N390 Urinvejsinfektion, lokalisation ikke specificeret
N393 Stressinkontinens
N394 Anden specificeret urininkontinens
N410 Akut prostatitis
N411 Kronisk prostatitis
N430 Indkapslet hydrocele
N433 Hydrocele UNS
N434 Spermatocele
N459 Orchitis og epididymitis uden absces
N601 Diffus cystisk mastopati
N602 Fibroadenose i bryst
N700 Akut salpingitis og oophoritis
N701 Kronisk salpingitis og oophoritis
N709 Salpingitis og oophoritis UNS
N739 Inflammatorisk sygdom i kvindelige bækkenorganer UNS
N750 Cyste i Bartholins kirtel
N751 Absces i Bartholins kirtel
N760 Akut vaginitis
N762 Akut vulvitis
N800 Endometriose i livmoder (adenomyose)
N801 Endometriose i æggestok
N802 Endometriose i æggeleder
N803 Endometriose i bækkenets bughinde
N804 Endometriose i rektovaginale septum og skede
N805 Endometriose i tarm
N806 Endometriose i hudar
N808 Anden endometriose
N809 Endometriose UNS
N810 Urethrocele hos kvinde
N811 Cystocele
N812 Ufuldstændigt uterovaginalt prolaps
N813 Fuldstændigt uterovaginalt prolaps
N814 Uterovaginalt prolaps UNS
N816 Rectocele
N819 Genitalt prolaps hos kvinde UNS
N830 Follikelcyste i æggestok
N831 Corpus luteum-cyste
N832 Anden og ikke specificeret cyste i æggestok
N835 Torsion af æggestok, æggeleder og fimbrie
N839 Ikke-inflammatorisk sygdom i æggestok, æggeleder og bredt ligament UNS
N840 Polyp i livmoderkrop
N841 Polyp i livmoderhals
N850 Endometriehyperplasi
N851 Adenomatøs endometriehyperplasi
N870 Let dysplasi af livmoderhals (CIN I)
N871 Moderat dysplasi af livmoderhals (CIN II)
N872 Svær dysplasi af livmoderhals, ikke klassificeret andetsteds
N879 Dysplasi af livmoderhals UNS
N910 Primær amenoré
N911 Sekundær amenoré
N913 Primær oligomenoré
N914 Sekundær oligomenoré
N920 Kraftig og hyppig menstruation med regelmæssig cyklus
N921 Kraftig og hyppig menstruation med uregelmæssig cyklus
N924 Kraftig blødning i præmenopausen
N926 Uregelmæssig menstruation UNS
N930 Blødning efter samleje og kontaktblødning
N938 Anden specificeret unormal blødning fra livmoder og skede
N939 Unormal blødning fra livmoder og skede UNS
N940 Midtcyklussmerter (mittelschmerz)
N941 Smerter ved samleje (dyspareuni)
N943 Præmenstruelt spændingssyndrom
N944 Primær dysmenoré
N945 Sekundær dysmenoré
N946 Dysmenoré UNS
N950 Blødning efter menopausen
N951 Menopausale og klimakterielle tilstande hos kvinder
N952 Postmenopausal atrofisk vaginitis
N970 Kvindelig infertilitet forbundet med manglende ægløsning
N971 Kvindelig infertilitet af tubar oprindelse
N979 Kvindelig infertilitet UNS
R040 Næseblod
R100 Akut abdomen
R101 Smerter i øvre del af abdomen
R103 Smerter i andre dele af nedre abdomen
R104 Andre og ikke specificerede mavesmerter
R070 Halssmerter
R072 Prækordiale smerter
R073 Andre brystsmerter
R074 Brystsmerter UNS
R520 Akutte smerter
R521 Kroniske behandlingsresistente smerter
R522 Andre kroniske smerter
R529 Smerter UNS
R590 Lokaliseret forstørrelse af lymfeknuder
R739 Forhøjet blodsukker UNS
S060 Hjernerystelse
S134 Forstuvning og forstrækning af halshvirvelsøjlen (piskesmæld)
S420 Brud på kraveben
S422 Brud på øvre ende af overarmsben
S430 Luksation af skulderled
S434 Forstuvning og forstrækning af skulderled
S460 Skade på rotator cuff-muskler og -sener i skulder
S525 Brud på nedre ende af spoleben
S526 Brud på nedre ende af både albueben og spoleben
S626 Brud på anden finger
S720 Brud på lårbenshals
S721 Pertrokantært brud
S822 Brud på skinnebensskaft
S825 Brud på mediale malleol
S826 Brud på laterale malleol
S832 Menisklæsion, nyopstået
S834 Forstuvning og forstrækning af knæets kollaterale ledbånd
S835 Forstuvning og forstrækning af knæets korsbånd
S836 Forstuvning og forstrækning af andre og ikke specificerede dele af knæ
S860 Skade på akillessenen
S934 Forstuvning og forstrækning af ankel
T814 Infektion efter procedure, ikke klassificeret andetsteds
T840 Mekanisk komplikation til intern ledprotese
T843 Mekanisk komplikation til andet knogleimplantat
T845 Infektion og inflammatorisk reaktion forårsaget af intern ledprotese
T846 Infektion og inflammatorisk reaktion forårsaget af intern fiksationsanordning
Z000 Almindelig lægeundersøgelse
Z031 Observation pga. mistanke om ondartet svulst
Z038 Observation pga. mistanke om anden sygdom eller tilstand
Z039 Observation pga. mistanke om sygdom eller tilstand UNS
Z080 Kontrolundersøgelse efter kirurgisk behandling for ondartet svulst
Z089 Kontrolundersøgelse efter behandling for ondartet svulst UNS
Z090 Kontrolundersøgelse efter kirurgisk behandling for anden tilstand
Z098 Kontrolundersøgelse efter anden behandling for anden tilstand
Z123 Screening for kræft i bryst
Z124 Screening for kræft i livmoderhals
Z300 Rådgivning om prævention
Z301 Anlæggelse af spiral
Z305 Kontrol af spiral
Z470 Fjernelse af osteosyntesemateriale
Z478 Anden specificeret ortopædisk efterbehandling
Z479 Ortopædisk efterbehandling UNS
Z480 Pleje af kirurgiske forbindinger og suturer
Z488 Anden specificeret kirurgisk efterbehandling
Z719 Rådgivning UNS
Z803 Brystkræft i familieanamnesen
Z853 Brystkræft i egen anamnese
Z966 Tilstand med ortopædisk ledimplantat
"""

# --------------------------------------------------------------------------------------------------
# Procedures (full SKS codes). K = operations (NOMESCO/NCSP-based), B = treatments, U = imaging,
# ZZ = examinations, N = anaesthesia. All verified=0 except the EXAMPLE codes in VERIFIED_ROWS.
# Code numbering is from general knowledge and must be confirmed against SKScomplete.txt.
# --------------------------------------------------------------------------------------------------

PRO = """
KAAD00 Anlæggelse af ventrikulostomi
KABC10 Dekompression af spinalkanal i lændecolumna
KABC20 Dekompression af spinalkanal i halscolumna
KABC26 Mikrokirurgisk fjernelse af lumbal diskusprolaps
KABC16 Fjernelse af cervikal diskusprolaps
KACC51 Dekompression af nervus medianus i karpaltunnel (karpaltunnelspaltning)
KACC53 Dekompression af nervus ulnaris ved albuen
KACC55 Dekompression af nervus ulnaris i håndleddet (Guyons kanal)
KACC59 Dekompression af anden perifer nerve
KACB29 Sutur af perifer nerve
KACE99 Anden operation på perifer nerve
KBAA20 Hemithyreoidektomi
KBAA60 Total thyreoidektomi
KBBA00 Paratyreoidektomi
KCBA10 Incision af øjenlåg (chalazion-operation)
KCBB10 Ekscision af læsion på øjenlåg
KCBB20 Blefaroplastik af øvre øjenlåg
KCBB30 Blefaroplastik af nedre øjenlåg
KCBE10 Operation for entropion
KCBE20 Operation for ektropion
KCBE30 Operation for ptose af øjenlåg
KCCA10 Sondering af tårekanal
KCCE20 Dakryocystorhinostomi
KCDA10 Ekscision af pterygium
KCEA20 Sutur af hornhinde
KCEC20 Hornhindetransplantation (keratoplastik)
KCEF10 Refraktiv laserbehandling af hornhinde (PRK)
KCEF20 Refraktiv laserbehandling af hornhinde (LASIK)
KCHD20 Trabekulektomi
KCHD35 Laser-trabekuloplastik
KCHB10 Laseriridotomi
KCJD05 Laserkapsulotomi af bageste linsekapsel (YAG-laser)
KCJE10 Ekstrakapsulær kataraktekstraktion med implantation af kunstig linse
KCJE20 Fakoemulsifikation med implantation af kunstig linse i bageste kammer
KCJE30 Sekundær implantation af kunstig linse
KCJF10 Udskiftning af kunstig linse
KCKC10 Kryobehandling af nethinde
KCKC15 Fotokoagulation af nethinde med laser
KCKC20 Panretinal laserbehandling
KCKD05 Intravitreal injektion af lægemiddel
KCKD65 Pars plana vitrektomi
KCKE10 Plombering af nethindeløsning
KCFA10 Operation for skelen med tilbagelægning af øjenmuskel
KCFA20 Operation for skelen med resektion af øjenmuskel
KCWE00 Fjernelse af fremmedlegeme fra hornhinde
KDAA10 Ekscision af læsion på ydre øre
KDAB10 Fjernelse af fremmedlegeme fra øregang
KDCA00 Myringotomi (paracentese)
KDCA20 Myringotomi med indlæggelse af dræn i trommehinde
KDCA30 Fjernelse af dræn fra trommehinde
KDDC00 Myringoplastik
KDDB10 Mastoidektomi
KDDC20 Tympanoplastik
KDDD10 Stapedotomi
KDFA10 Indsættelse af cochleaimplantat
KDHA10 Reposition af næsefraktur
KDHB20 Ekscision af næsepolyp
KDHC10 Konkotomi (reduktion af næsemusling)
KDHC20 Radiofrekvensbehandling af næsemusling
KDHD30 Septumplastik (korrektion af næseskillevæg)
KDHD40 Septorhinoplastik
KDHW00 Kauterisation af karplexus i næse ved næseblod
KDJA10 Punktur og skylning af kæbehule
KDJD10 Endoskopisk operation på kæbehule (FESS)
KDJD20 Endoskopisk etmoidektomi
KDJD30 Endoskopisk operation på pandehule
KDQD10 Mikrolaryngoskopi med ekscision af læsion på stemmebånd
KDQD20 Mikrolaryngoskopi med biopsi
KEMB10 Tonsillektomi
KEMB15 Tonsillotomi
KEMB20 Adenotomi (fjernelse af polypper)
KEMB30 Tonsillektomi med adenotomi
KEMA00 Incision af peritonsillær absces
KEDA10 Fjernelse af retineret visdomstand
KEDB10 Ekscision af læsion i mundslimhinde
KEFA10 Frenulotomi af tungebånd
KECB10 Ekscision af læsion på læbe
KEEA10 Ekscision af submandibulær spytkirtel
KEEA20 Parotidektomi
KFNG02 Perkutan koronar intervention (PCI)
KFPC00 Implantation af pacemaker
KGAA10 Torakoskopi
KGDC01 Lungebiopsi, torakoskopisk
KHAA00 Incision af absces i bryst
KHAB00 Ekscision af læsion i bryst (tumorektomi)
KHAB10 Lumpektomi (brystbevarende operation)
KHAB20 Reekscision i bryst
KHAB40 Sektorresektion af bryst
KHAC10 Subkutan mastektomi
KHAC20 Mastektomi (simpel)
KHAC25 Mastektomi med sentinel node-biopsi
KHAC30 Mastektomi med aksilrømning
KHAD10 Rekonstruktion af bryst med protese
KHAD20 Rekonstruktion af bryst med ekspander
KHAD30 Reduktionsplastik af bryst
KHAD40 Mastopeksi (brystløft)
KHAE00 Brystforstørrende operation med protese
KHAE10 Fjernelse af brystprotese
KHAE20 Udskiftning af brystprotese
KHAF10 Operation for gynækomasti
KHAG10 Rekonstruktion af brystvorte
KPJD50 Sentinel node-biopsi fra aksil
KPJD60 Aksilrømning
KPJD10 Ekscision af lymfeknude på hals
KPJD20 Ekscision af lymfeknude i lyske
KPHB10 Stripning af vena saphena magna
KPHB20 Stripning af vena saphena parva
KPHC10 Ekscision af varicer (fleboektomi)
KPHC20 Endovenøs laserbehandling af varicer (EVLA)
KPHC30 Endovenøs radiofrekvensbehandling af varicer
KPHC40 Skumskleroterapi af varicer
KJAB10 Herniotomi ved lyskebrok
KJAB30 Hernioplastik ved lyskebrok med implantat
KJAB97 Laparoskopisk reparation af lyskebrok med implantat
KJAC10 Operation for lårbrok
KJAD10 Operation for navlebrok
KJAD30 Operation for navlebrok med implantat
KJAD97 Laparoskopisk operation for ventralhernie med implantat
KJAF10 Operation for arbrok
KJAH00 Diagnostisk laparoskopi
KJEA00 Appendektomi
KJEA01 Laparoskopisk appendektomi
KJFA20 Endoskopisk polypektomi i tyktarm
KJGA10 Endoskopisk polypektomi i endetarm
KJHA00 Incision af perianal absces
KJHA10 Incision af perianal hæmatom (venetrombose)
KJHB00 Fissurektomi
KJHB10 Lateral intern sfinkterotomi
KJHC10 Hæmoroidektomi
KJHC20 Gummibåndsligatur af hæmorider
KJHC30 Doppler-guidet ligatur af hæmoridearterier
KJHD00 Fistulotomi ved analfistel
KJHD10 Seton-behandling af analfistel
KJHE10 Ekscision af pilonidalcyste
KJKA20 Kolecystektomi
KJKA21 Laparoskopisk kolecystektomi
KKAS00 Ekscision af læsion i nyre
KKCC00 Ureteroskopi med stenfjernelse
KKCH10 Ekstrakorporal stødbølgebehandling af nyresten (ESWL)
KKDC00 Fjernelse af sten fra urinblære
KKDW00 Injektion af botulinumtoksin i blærevæg
KKEC00 Operation for hydrocele
KKEC10 Operation for spermatocele
KKED00 Transurethral incision af prostata
KKED22 Transurethral resektion af prostata (TURP)
KKEV00 Transrektal prostatabiopsi
KKFA10 Orkidopeksi
KKFA20 Orkiektomi
KKFC10 Operation for varicocele
KKFD46 Vasektomi (sterilisation af mand)
KKFD60 Refertilisering (vasovasostomi)
KKGV20 Cirkumcision (omskæring)
KKGV30 Operation for forhudsforsnævring (præputioplastik)
KKGA10 Frenuloplastik af penis
KKMD00 Slyngeoperation for stressinkontinens hos kvinde (TVT)
KLAB10 Ekscision af cyste i æggestok
KLAB11 Laparoskopisk ekscision af cyste i æggestok
KLAE10 Salpingo-ooforektomi
KLAE11 Laparoskopisk salpingo-ooforektomi
KLBA10 Salpingektomi
KLBA11 Laparoskopisk salpingektomi
KLGA11 Laparoskopisk sterilisation af kvinde
KLCA10 Abrasio (udskrabning) af livmoderhule
KLCA20 Udtømning af livmoder ved vakuumaspiration
KLCB00 Hysteroskopi
KLCB10 Hysteroskopisk fjernelse af polyp i livmoder
KLCB20 Hysteroskopisk resektion af myom
KLCB28 Hysteroskopisk endometrieresektion
KLCB30 Endometrieablation
KLCC10 Myomektomi
KLCC11 Laparoskopisk myomektomi
KLCD00 Total abdominal hysterektomi
KLCD01 Laparoskopisk total hysterektomi
KLCD10 Vaginal hysterektomi
KLCD04 Subtotal abdominal hysterektomi
KLDB10 Konisering af livmoderhals (keglesnit)
KLDB20 Slyngekonisering af livmoderhals (LEEP)
KLDA10 Biopsi fra livmoderhals
KLDC10 Kryobehandling af livmoderhals
KLEF00 Forreste kolporafi
KLEF10 Bageste kolporafi
KLEF20 Manchester-operation
KLEG10 Sakrokolpopeksi
KLFA10 Marsupialisation af Bartholins cyste
KLFA20 Ekscision af Bartholins kirtel
KLFB10 Ekscision af læsion i vulva
KLFC10 Labiaplastik
KLEW10 Ekscision af kondylomer i skede
KMAA00 Fostervandsprøve (amniocentese)
KMAA10 Moderkagebiopsi (chorionvillusbiopsi)
KMAB10 Udskrabning efter fødsel
KMCA10 Kejsersnit, akut
KMCA20 Kejsersnit, planlagt
KMDA00 Igangsættelse af fødsel
KQAA10 Incision af absces i hud på hoved og hals
KQAB00 Ekscision af hudlæsion på hoved og hals
KQAB10 Ekscision af hudlæsion på hoved og hals med direkte lukning
KQAB20 Ekscision af hudlæsion på hoved og hals med hudtransplantation
KQAB30 Ekscision af hudlæsion på hoved og hals med lokal lapplastik
KQAD10 Mohs' kirurgi på hoved og hals
KQBA10 Incision af absces i hud på truncus
KQBB00 Ekscision af hudlæsion på truncus
KQBB10 Ekscision af hudlæsion på truncus med direkte lukning
KQBB20 Ekscision af hudlæsion på truncus med hudtransplantation
KQBB30 Ekscision af hudlæsion på truncus med lokal lapplastik
KQBB40 Udvidet ekscision efter modermærkekræft på truncus
KQCA10 Incision af absces i hud på overekstremitet
KQCB00 Ekscision af hudlæsion på overekstremitet
KQCB10 Ekscision af hudlæsion på overekstremitet med direkte lukning
KQCB20 Ekscision af hudlæsion på overekstremitet med hudtransplantation
KQCB40 Udvidet ekscision efter modermærkekræft på overekstremitet
KQDA10 Incision af absces i hud på hånd
KQDB00 Ekscision af hudlæsion på hånd
KQEA10 Incision af absces i hud på underekstremitet
KQEB00 Ekscision af hudlæsion på underekstremitet
KQEB10 Ekscision af hudlæsion på underekstremitet med direkte lukning
KQEB20 Ekscision af hudlæsion på underekstremitet med hudtransplantation
KQEB40 Udvidet ekscision efter modermærkekræft på underekstremitet
KQFA10 Incision af absces i hud på fod
KQFB00 Ekscision af hudlæsion på fod
KQGB10 Ekscision af hudlæsion i perinealregionen
KQXA10 Dræn af absces i hud og underhud
KQXB10 Ekscision af lipom
KQXB20 Ekscision af aterom (epidermal cyste)
KQXB30 Ekscision af ar
KQXC10 Shave-ekscision af hudlæsion
KQXC20 Curettage af hudlæsion
KQXD10 Kryobehandling af hudlæsion
KQXD20 Elektrokoagulation af hudlæsion
KQXE10 Laserbehandling af hudlæsion
KQXE20 Laserbehandling af kar i huden
KQXF10 Hudbiopsi (stansebiopsi)
KQXF20 Incisionsbiopsi af hud
KQXG10 Fjernelse af fremmedlegeme fra hud og underhud
KQXH10 Sutur af sår i hud
KQXJ10 Fjernelse af nedgroet negl (kileekscision)
KQXJ20 Fjernelse af negl
KQXK10 Liposuktion
KQXK20 Abdominoplastik
KQXK30 Ansigtsløft
KQXW10 Injektion af filler i huden
"""

PRO += """
KNAG40 Spondylodese i lændecolumna
KNAG30 Spondylodese i halscolumna
KNAJ20 Kyfoplastik eller vertebroplastik
KNAU00 Fjernelse af implantat fra columna
KNBA11 Artroskopi af skulderled
KNBB00 Primær indsættelse af hemialloplastik i skulderled
KNBB20 Primær indsættelse af totalalloplastik i skulderled
KNBB30 Primær indsættelse af omvendt totalalloplastik i skulderled
KNBC20 Revision af alloplastik i skulderled
KNBE21 Artroskopisk stabiliserende operation på skulderled (Bankart)
KNBE20 Åben stabiliserende operation på skulderled
KNBE41 Artroskopisk kapsulotomi af skulderled (frossen skulder)
KNBE51 Artroskopisk stabilisering af akromioklavikularled
KNBF11 Artroskopisk synovektomi i skulderled
KNBF21 Artroskopisk fjernelse af kalk fra rotator cuff
KNBG11 Artroskopisk resektion af laterale klavikelende
KNBH51 Artroskopisk subakromiel dekompression (akromioplastik)
KNBH50 Åben subakromiel dekompression
KNBJ40 Intern fiksation af klavikelfraktur med plade
KNBJ60 Intern fiksation af proksimal humerusfraktur med plade
KNBJ70 Intern fiksation af humerusskaftfraktur med marvsøm
KNBL01 Sutur af rotator cuff
KNBL11 Artroskopisk sutur af rotator cuff
KNBL21 Artroskopisk tenotomi eller tenodese af lange bicepssene
KNBU00 Fjernelse af osteosyntesemateriale fra skulder og overarm
KNCA11 Artroskopi af albueled
KNCB20 Primær indsættelse af totalalloplastik i albueled
KNCF11 Artroskopisk fjernelse af løst legeme i albueled
KNCJ00 Lukket reposition af underarmsfraktur
KNCJ10 Lukket reposition af distal radiusfraktur med gipsbandage
KNCJ45 Intern fiksation af distal radiusfraktur med K-tråde
KNCJ65 Intern fiksation af distal radiusfraktur med plade
KNCJ60 Intern fiksation af underarmsskaftfraktur med plade
KNCJ70 Intern fiksation af olekranonfraktur
KNCL10 Operation for lateral epikondylitis (tennisalbue)
KNCL20 Operation for medial epikondylitis (golfalbue)
KNCL40 Sutur af distal bicepssene
KNCU00 Fjernelse af osteosyntesemateriale fra albue og underarm
KNDA11 Artroskopi af håndled
KNDB20 Primær indsættelse af alloplastik i tommelfingerens rodled
KNDB40 Primær indsættelse af alloplastik i fingerled
KNDG10 Resektionsartroplastik af tommelfingerens rodled (trapeziektomi)
KNDG40 Artrodese af håndled
KNDG50 Artrodese af fingerled
KNDJ20 Intern fiksation af scaphoideumfraktur med skrue
KNDJ40 Intern fiksation af metakarpalfraktur
KNDJ50 Intern fiksation af fingerfraktur
KNDL10 Sutur af bøjesene i hånd
KNDL20 Sutur af strækkesene i hånd
KNDL30 Senetransposition i hånd
KNDM09 Spaltning af seneskede i hånd (springfinger)
KNDM19 Fasciektomi i hånd ved Dupuytrens kontraktur
KNDM20 Nålefasciotomi ved Dupuytrens kontraktur
KNDM29 Spaltning af første dorsale senerum (de Quervain)
KNDM39 Ekscision af ganglion i hånd og håndled
KNDM49 Ekscision af seneskedetumor i hånd
KNDQ10 Amputation af finger
KNDU00 Fjernelse af osteosyntesemateriale fra håndled og hånd
KNEJ60 Intern fiksation af bækkenfraktur
KNFA11 Artroskopi af hofteled
KNFB00 Primær indsættelse af hemialloplastik i hofteled uden cement
KNFB10 Primær indsættelse af hemialloplastik i hofteled med cement
KNFB20 Primær indsættelse af totalalloplastik i hofteled uden cement
KNFB30 Primær indsættelse af totalalloplastik i hofteled, hybrid
KNFB40 Primær indsættelse af totalalloplastik i hofteled med cement
KNFB62 Primær indsættelse af overfladealloplastik i hofteled
KNFC20 Revision af totalalloplastik i hofteled uden cement
KNFC40 Revision af totalalloplastik i hofteled med cement
KNFC50 Udskiftning af caput- og foringsdel i hoftealloplastik
KNFF11 Artroskopisk behandling af labrumlæsion i hofteled
KNFF21 Artroskopisk resektion ved femoroacetabulær impingement
KNFH20 Osteotomi af lårben
KNFJ51 Intern fiksation af lårbenshalsfraktur med skruer
KNFJ64 Intern fiksation af pertrokantær fraktur med glideskrue
KNFJ74 Intern fiksation af lårbensfraktur med marvsøm
KNFJ60 Intern fiksation af lårbensfraktur med plade
KNFL20 Tenotomi omkring hofte og lår
KNFM10 Ekscision af slimsæk ved trochanter major
KNFS10 Incision og dræn af infektion i hofteled
KNFU00 Fjernelse af osteosyntesemateriale fra hofte og lår
KNGA01 Eksploration af knæled
KNGA11 Artroskopi af knæled (diagnostisk)
KNGB00 Primær indsættelse af unikondylær alloplastik i knæled
KNGB10 Primær indsættelse af patellofemoral alloplastik i knæled
KNGB20 Primær indsættelse af totalalloplastik i knæled uden cement
KNGB30 Primær indsættelse af totalalloplastik i knæled, hybrid
KNGB40 Primær indsættelse af totalalloplastik i knæled med cement
KNGC20 Revision af totalalloplastik i knæled
KNGC30 Sekundær indsættelse af patellakomponent i knæalloplastik
KNGD01 Partiel meniskresektion i knæled
KNGD11 Artroskopisk partiel meniskresektion
KNGD21 Artroskopisk total meniskresektion
KNGD31 Artroskopisk sutur af menisk
KNGD41 Artroskopisk meniskrefiksation med implantat
KNGE11 Artroskopisk sutur af ledbånd i knæled
KNGE21 Sutur af kollateralt ledbånd i knæled
KNGE41 Rekonstruktion af mediale patellofemorale ligament (MPFL)
KNGE51 Artroskopisk rekonstruktion af forreste korsbånd
KNGE52 Artroskopisk rekonstruktion af bageste korsbånd
KNGE55 Revision af korsbåndsrekonstruktion i knæled
KNGF01 Synovektomi i knæled
KNGF11 Artroskopisk synovektomi i knæled
KNGF21 Artroskopisk fjernelse af løst legeme i knæled
KNGF31 Artroskopisk bruskbehandling i knæled (shaving)
KNGF41 Artroskopisk mikrofrakturering i knæled
KNGF51 Artroskopisk bruskcelletransplantation i knæled
KNGF61 Artroskopisk lateral release af knæskal
KNGH10 Tuberositas tibiae-flytning
KNGK10 Valgiserende høj tibiaosteotomi
KNGK20 Variserende osteotomi af distale femur
KNGJ40 Intern fiksation af patellafraktur
KNGJ60 Intern fiksation af tibiaplateaufraktur
KNGJ74 Intern fiksation af tibiaskaftfraktur med marvsøm
KNGL10 Sutur af quadricepssene
KNGL20 Sutur af patellarsene
KNGM10 Ekscision af Bakers cyste
KNGM20 Ekscision af slimsæk ved knæ
KNGS19 Artroskopisk skylning af knæled ved infektion
KNGU00 Fjernelse af osteosyntesemateriale fra knæ og underben
KNGW96 Anden artroskopisk operation på knæled
KNHA11 Artroskopi af ankelled
KNHB20 Primær indsættelse af totalalloplastik i ankelled
KNHE21 Artroskopisk stabilisering af ankelled
KNHE20 Laterale ledbåndsrekonstruktion i ankelled (Broström)
KNHF11 Artroskopisk fjernelse af osteofytter i ankelled
KNHG20 Artrodese af ankelled
KNHG21 Artroskopisk artrodese af ankelled
KNHG30 Artrodese af subtalarled
KNHG42 Artrodese af storetåens grundled
KNHG50 Artrodese af tåled (hammertå)
KNHJ40 Intern fiksation af ankelfraktur med skruer
KNHJ60 Intern fiksation af ankelfraktur med plade
KNHJ70 Intern fiksation af mellemfodsfraktur
KNHK11 Osteotomi af første mellemfodsknogle (hallux valgus)
KNHK12 Osteotomi af storetåens grundstykke (Akin)
KNHK20 Osteotomi af mindre mellemfodsknogler (Weil)
KNHK30 Calcaneusosteotomi
KNHL49 Sutur af akillessene
KNHL50 Forlængelse af akillessene
KNHL60 Gastrocnemius-recession
KNHM10 Operation for plantar fasciitis
KNHM20 Ekscision af Mortons neurom
KNHM30 Ekscision af ganglion på fod
KNHQ10 Amputation af tå
KNHG40 Resektionsartroplastik af storetåens grundled (Keller)
KNHU00 Fjernelse af osteosyntesemateriale fra ankel og fod
KNXA10 Ledpunktur og aspiration
KNXB10 Injektion af lægemiddel i led
KNXB20 Injektion af lægemiddel i slimsæk
KNXB30 Injektion af lægemiddel ved senetilhæftning
KNXC10 Lukket reposition af luksation
KNXD10 Anlæggelse af gipsbandage
KNXD20 Fjernelse af gipsbandage
KNXF10 Knoglebiopsi
KNXG10 Bløddelsbiopsi
KNXH10 Ekscision af bløddelstumor
"""

PRO += """
KUJD02 Gastroskopi (øvre endoskopi)
KUJD05 Gastroskopi med biopsi
KUJF32 Koloskopi
KUJF35 Koloskopi med biopsi
KUJF42 Fleksibel sigmoideoskopi
KUJF45 Fleksibel sigmoideoskopi med biopsi
KUJF52 Rektoskopi
KUJF62 Anoskopi
KUKC02 Cystoskopi
KUKC05 Cystoskopi med biopsi
KUKD02 Urethroskopi
KULA02 Kolposkopi
KULC02 Diagnostisk hysteroskopi
KUDQ02 Fiberlaryngoskopi
KUDH02 Nasal endoskopi
KUDJ02 Endoskopi af bihuler
KUGC02 Bronkoskopi
KUNG02 Artroskopi af knæled, diagnostisk
UXCA00 CT-skanning af cerebrum
UXCA10 CT-skanning af ansigtsskelet
UXCA20 CT-skanning af bihuler
UXCA30 CT-skanning af tindingeben
UXCB00 CT-skanning af hals
UXCC00 CT-skanning af thorax
UXCD00 CT-skanning af abdomen
UXCE00 CT-skanning af bækken
UXCF00 CT-skanning af halscolumna
UXCF10 CT-skanning af thorakalcolumna
UXCF20 CT-skanning af lændecolumna
UXCG00 CT-skanning af overekstremitet
UXCH00 CT-skanning af underekstremitet
UXCC10 CT-angiografi af thorax
UXMA00 MR-skanning af cerebrum
UXMA10 MR-skanning af hypofyse
UXMA20 MR-skanning af orbita
UXMA30 MR-skanning af indre øregange
UXMB00 MR-skanning af hals
UXMC00 MR-skanning af thorax
UXMC20 MR-skanning af mammae
UXMD00 MR-skanning af abdomen
UXMD10 MR-skanning af lever
UXME00 MR-skanning af bækken
UXME10 MR-skanning af prostata
UXMF00 MR-skanning af halscolumna
UXMF10 MR-skanning af thorakalcolumna
UXMF20 MR-skanning af lændecolumna
UXMG00 MR-skanning af skulder
UXMG10 MR-skanning af albue
UXMG20 MR-skanning af håndled og hånd
UXMH00 MR-skanning af hofte
UXMH10 MR-skanning af lår
UXMH20 MR-skanning af knæ
UXMH30 MR-skanning af underben
UXMH40 MR-skanning af ankel og fod
UXRA00 Røntgenundersøgelse af kranie
UXRA10 Røntgenundersøgelse af ansigtsskelet
UXRA20 Røntgenundersøgelse af bihuler
UXRB00 Røntgenundersøgelse af hals (bløddele)
UXRC00 Røntgenundersøgelse af thorax
UXRC10 Røntgenundersøgelse af ribben
UXRC45 Mammografi
UXRC46 Mammografi, klinisk
UXRD00 Røntgenundersøgelse af abdomen (oversigt)
UXRE00 Røntgenundersøgelse af bækken
UXRF00 Røntgenundersøgelse af halscolumna
UXRF10 Røntgenundersøgelse af thorakalcolumna
UXRF20 Røntgenundersøgelse af lændecolumna
UXRF30 Røntgenundersøgelse af sacrum og halebensregion
UXRF40 Røntgenundersøgelse af hele columna (skoliose)
UXRG00 Røntgenundersøgelse af skulder
UXRG05 Røntgenundersøgelse af klavikel
UXRG10 Røntgenundersøgelse af overarm
UXRG20 Røntgenundersøgelse af albue
UXRG30 Røntgenundersøgelse af underarm
UXRG40 Røntgenundersøgelse af håndled
UXRG50 Røntgenundersøgelse af hånd
UXRG60 Røntgenundersøgelse af fingre
UXRH00 Røntgenundersøgelse af hofte
UXRH10 Røntgenundersøgelse af lår
UXRH20 Røntgenundersøgelse af knæ
UXRH25 Røntgenundersøgelse af knæ, belastet
UXRH30 Røntgenundersøgelse af underben
UXRH40 Røntgenundersøgelse af ankel
UXRH50 Røntgenundersøgelse af fod
UXRH60 Røntgenundersøgelse af tæer
UXRH80 Røntgenundersøgelse af underekstremiteter, helbensoptagelse
UXRX10 Knoglemineralmåling (DXA-skanning)
UXUA00 Ultralydsundersøgelse af hoved
UXUB00 Ultralydsundersøgelse af hals
UXUB10 Ultralydsundersøgelse af skjoldbruskkirtel
UXUB20 Ultralydsundersøgelse af spytkirtler
UXUC00 Ultralydsundersøgelse af thorax
UXUC10 Ultralydsundersøgelse af mammae
UXUC20 Ultralydsundersøgelse af aksil
UXUD00 Ultralydsundersøgelse af abdomen
UXUD10 Ultralydsundersøgelse af lever og galdeveje
UXUD20 Ultralydsundersøgelse af nyrer
UXUE00 Ultralydsundersøgelse af bækken
UXUE10 Transvaginal ultralydsundersøgelse
UXUE20 Ultralydsundersøgelse af urinblære med resturinmåling
UXUE30 Transrektal ultralydsundersøgelse af prostata
UXUE40 Ultralydsundersøgelse af skrotum
UXUG00 Ultralydsundersøgelse af skulder
UXUG10 Ultralydsundersøgelse af albue
UXUG20 Ultralydsundersøgelse af håndled og hånd
UXUH00 Ultralydsundersøgelse af hofte
UXUH20 Ultralydsundersøgelse af knæ
UXUH40 Ultralydsundersøgelse af ankel og fod
UXUJ00 Ultralydsundersøgelse af bløddele
UXUK00 Ultralydsundersøgelse af lyske
UXUM00 Ultralydsundersøgelse af graviditet
UXUM10 Nakkefoldsskanning
UXUM20 Misdannelsesskanning
UXUP00 Dopplerundersøgelse af vener i underekstremitet
UXUP10 Dopplerundersøgelse af halskar
UXUP20 Dopplerundersøgelse af arterier i underekstremitet
UXUQ00 Ultralydsvejledt punktur
UXUQ10 Ultralydsvejledt injektion i led eller slimsæk
UXUQ20 Ultralydsvejledt biopsi
UXUQ30 Ultralydsvejledt finnålsaspiration
UXAA10 Angiografi af cerebrale arterier
UXAH10 Angiografi af arterier i underekstremitet
UXNA00 Skintigrafi af skelet
UXNC00 Lungeskintigrafi
UXPA00 PET/CT-skanning af hele kroppen
BPHM91 Behandling med proteasehæmmer
BPHM92 Behandling med direkte aktive antivirale lægemidler
BWGA2A Stråleplanlægning - individuel 3D konform (CT)
BAAD0 Rådgivning og vejledning
BAAD1 Rådgivning om kost og ernæring
BAAD2 Rådgivning om rygeophør
BAAD3 Rådgivning om alkohol
BAAD4 Rådgivning om fysisk aktivitet
BCFA0 Lysbehandling af hud
BCFA1 Lysbehandling med smalspektret UVB
BCFA2 Lysbehandling med PUVA
BCFA3 Fotodynamisk terapi af hud
BCGA0 Behandling af kronisk sår
BCGA1 Kompressionsbehandling
BCHA0 Behandling med lokalt virkende lægemiddel på hud
BFCA0 Elektrokonvertering af hjerterytme (DC-konvertering)
BGDA0 Behandling med CPAP
BGDA1 Tilpasning af CPAP-udstyr
BGFC3 Inhalationsbehandling
BHDA0 Allergenspecifik immunterapi (hyposensibilisering)
BHDA1 Subkutan allergenspecifik immunterapi
BHDA2 Sublingual allergenspecifik immunterapi
BJAA0 Kost- og ernæringsbehandling
BKHD4 Anlæggelse af spiral (intrauterint svangerskabsforebyggende middel)
BKHD5 Fjernelse af spiral
BKHD6 Anlæggelse af hormonimplantat (p-stav)
BLCA0 Fertilitetsbehandling med insemination
BLCA1 Fertilitetsbehandling med IVF
BLCA2 Fertilitetsbehandling med ICSI
BLCA3 Oplægning af befrugtet æg
BMBZ0 Genoptræning
BMBZ1 Fysioterapeutisk træning
BMBZ2 Ergoterapeutisk træning
BNGA0 Injektion af botulinumtoksin
BNGA1 Injektion af botulinumtoksin i muskel
BNGA2 Injektion af botulinumtoksin i hud (hyperhidrose)
BOHJ11 Behandling med TNF-alfa-hæmmer
BOHJ12 Behandling med interleukinhæmmer
BOHJ13 Behandling med JAK-hæmmer
BOHJ14 Behandling med methotrexat
BOHJ15 Behandling med biologisk lægemiddel mod psoriasis
BOHJ16 Behandling med biologisk lægemiddel mod atopisk eksem
BOQA0 Smertebehandling
BOQA1 Nerveblokade
BOQA2 Epidural steroidinjektion
BOQA3 Facetledsinjektion
BOQA4 Radiofrekvensbehandling af facetled
BQFS0 Vaccination
BRSP0 Psykoterapi
BRSP1 Individuel psykoterapi
BRSP2 Gruppepsykoterapi
BRSP3 Kognitiv adfærdsterapi
BRSP4 Par- og familieterapi
BRKP0 Psykoedukation
BRXA1 Behandling med elektrokonvulsiv terapi (ECT)
BUAA0 Ernæringsterapi
BWAA0 Injektion af lægemiddel
BWAA1 Intravenøs infusion af lægemiddel
BWAA2 Intramuskulær injektion af lægemiddel
BWAA3 Subkutan injektion af lægemiddel
BWAB0 Intraartikulær injektion af hyaluronsyre
BWAB1 Injektion af trombocytberiget plasma (PRP)
BWCA0 Stødbølgebehandling
BWCA1 Radial stødbølgebehandling
BWFA0 Sårbehandling
BWFA1 Skift af forbinding
BWFA2 Fjernelse af suturer
BWGA0 Strålebehandling
BWHA0 Kryoterapi
BWHB0 Akupunktur
BWLA0 Laserbehandling
BWPA0 Blodtransfusion
BVAA33 Samtale med pårørende
BVAA34 Tværfaglig konference
NAAB Sedation og smertelindring uden bevidsthedstab
NAAA Generel anæstesi
NAAC Regional anæstesi
NAAD Lokalanæstesi
NAAE Spinalanæstesi
NAAF Epiduralanæstesi
NAAG Perifer nerveblokade
ZZ0149 Blodprøvetagning, venøs
ZZ0150 Blodprøvetagning, kapillær
ZZ0160 Urinundersøgelse (stix)
ZZ0170 Podning til mikrobiologisk undersøgelse
ZZ0180 Vægt- og højdemåling
ZZ1000 Blodtryksmåling
ZZ1010 Døgnblodtryksmåling
ZZ4200 Elektrokardiografi (EKG)
ZZ4210 Holtermonitorering (langtids-EKG)
ZZ4220 Arbejds-EKG
ZZ4230 Ekkokardiografi
ZZ4300 Spirometri
ZZ4310 Reversibilitetstest
ZZ4320 Peak flow-måling
ZZ4400 Audiometri (høreprøve)
ZZ4410 Tympanometri
ZZ4420 Vestibulær undersøgelse
ZZ4500 Synsprøve (visusbestemmelse)
ZZ4510 Måling af øjentryk (tonometri)
ZZ4520 Synsfeltundersøgelse (perimetri)
ZZ4530 Optisk kohærenstomografi (OCT) af nethinde
ZZ4540 Fundusfotografering
ZZ4550 Spaltelampeundersøgelse
ZZ4600 Allergitest (priktest)
ZZ4610 Lappetest (epikutantest)
ZZ4700 Neurografi
ZZ4710 Elektromyografi (EMG)
ZZ4720 Elektroencefalografi (EEG)
ZZ4730 Søvnundersøgelse (polysomnografi)
ZZ4740 Søvnapnøregistrering (kardiorespiratorisk monitorering)
ZZ4800 Uroflowmetri
ZZ4810 Urodynamisk undersøgelse
ZZ4900 Celleprøve fra livmoderhals
ZZ4910 HPV-test
ZZ4920 Dermatoskopi
ZZ5000 Psykiatrisk undersøgelse
ZZ5010 Psykologisk testning
ZZ5020 Kognitiv testning
ZZ7000 Klinisk undersøgelse
ZZ7010 Telefonkonsultation
ZZ7020 Videokonsultation
ZZ7030 Skriftlig konsultation (e-mail)
ZZ7040 Vurdering af henvisning
ZZ7050 Epikrise og brevsvar
ZZ7060 Lægeerklæring
"""

# --------------------------------------------------------------------------------------------------
# Rows whose code AND text appear in docs lpr3-reference.md as VERIFIED or EXAMPLE (public source).
# (code, text, record_type, valid_from, source key)
# --------------------------------------------------------------------------------------------------

ADM_FROM = "2019-01-01"  # LPR3 went live in 2019
DIA_FROM = "1994-01-01"  # ICD-10 in Danish SKS
PRO_FROM = "1996-01-01"  # NOMESCO-based procedure codes in Danish SKS

VERIFIED_ROWS = [
    ("ALCA00", "Fysisk fremmøde", "adm", ADM_FROM),  # S1d, S11, S12
    ("ALCA03", "Virtuel kontakt", "adm", ADM_FROM),  # S11
    ("ATA1", "Akut", "adm", ADM_FROM),  # S1d, S12
    ("ATA11B", "Akut i dagarbejdstiden, uden konsekvens for dagsprogram", "adm", ADM_FROM),  # S1d
    ("ALCC01", "Sygdom", "adm", ADM_FROM),  # S1d
    ("ALDA11", "Akutordning", "adm", ADM_FROM),  # S1d
    ("ALDB00", "Fritvalg ikke relevant", "adm", ADM_FROM),  # S1d
    ("ALAA01", "Henvist i samme sygdomsforløb", "adm", ADM_FROM),  # S1d
    ("ALAC70", "Afsluttet ved patientens død", "adm", ADM_FROM),  # S1d
    ("ALCF01", "Orlov", "adm", ADM_FROM),  # S1f
    ("ALCF02", "Længerevarende fravær med aftale", "adm", ADM_FROM),  # S1f, S1d
    ("ALGA01", "Aktionsdiagnose", "adm", ADM_FROM),  # S1d
    ("ALFC4", "Højt specialiseret funktion", "adm", ADM_FROM),  # S1d
    ("APAA2", "Overlæge", "adm", ADM_FROM),  # S1d
    ("APBA1", "Sygeplejerske på klinisk sygehusafdeling", "adm", ADM_FROM),  # S1d
    ("APFE0", "Overradiograf", "adm", ADM_FROM),  # S1d
    ("APFE2", "Radiograf", "adm", ADM_FROM),  # S1d
    ("TUL2", "Venstresidig", "til", ADM_FROM),  # S1d
    ("ZDW10", "Diagnosen stillet første gang", "til", ADM_FROM),  # S1d
    ("ZDW29", "Behandles ikke", "til", ADM_FROM),  # S1d
    ("ZDA01", "Komplikation opstået i forbindelse med procedure", "til", ADM_FROM),  # S1d
    ("UXZ41", "Med CT-angiografi", "til", ADM_FROM),  # S1d
    ("UXZ45", "Med 3D rekonstruktion", "til", ADM_FROM),  # S1d
    ("MV08AA01", "Diatrizoinsyre", "atc", ADM_FROM),  # S1d
    ("DC793C", "Metastase i rygmarvshinde", "dia", DIA_FROM),  # S1d
    ("DT636C", "Lokalrecidiv fra kræft i hjernen", "dia", DIA_FROM),  # S1d
    ("DC712M", "Kræft i hjernens tindingelap med metastaser", "dia", DIA_FROM),  # S1d
    ("BPHM91", "Behandling med proteasehæmmer", "pro", PRO_FROM),  # S1d
    ("BPHM92", "Behandling med direkte aktive antivirale lægemidler", "pro", PRO_FROM),  # S1d
    ("UXCA00", "CT-skanning af cerebrum", "pro", PRO_FROM),  # S1d
    ("KAAA27", "Indlæggelse af intracerebralt trykmålingsudstyr", "pro", PRO_FROM),  # S1d
    ("BWGA2A", "Stråleplanlægning - individuel 3D konform (CT)", "pro", PRO_FROM),  # S1d
    ("NAAB", "Sedation og smertelindring uden bevidsthedstab", "pro", PRO_FROM),  # S1d
    ("RAA01", "Canceranmeldelse", "res", ADM_FROM),  # S1a, S1d
    ("RAA02", "Fødselsanmeldelse mor", "res", ADM_FROM),
    ("RAA03", "Fødselsanmeldelse barn (nyfødt)", "res", ADM_FROM),
    ("RAA04", "Abortoplysninger", "res", ADM_FROM),
    ("RAA05", "Skadeindberetning", "res", ADM_FROM),
    ("RAA06", "Resultat af neonatal hørescreening", "res", ADM_FROM),
    ("RAA07", "Beslutning vedrørende personligt alarm og pejlesystem", "res", ADM_FROM),
    ("RAA08", "Implantatoplysninger", "res", ADM_FROM),
    ("RAA09", "Komplikationsoplysninger (kirurgiske)", "res", ADM_FROM),
    ("RAA10", "Tvangsforanstaltning", "res", ADM_FROM),
    ("AFB23C2B", "Kræft i hjernen: beslutning: initial behandling ikke relevant, radikal operation i "
     "udredningsforløbet", "adm", ADM_FROM),  # S1d
    # Forløbslabels (S5, MedCom)
    ("ALAL01", "Kræftsygdomme", "adm", ADM_FROM),
    ("ALAL02", "Hjertesygdomme", "adm", ADM_FROM),
    ("ALAL03", "Psykiske lidelser og adfærdsmæssige forstyrrelser", "adm", ADM_FROM),
    ("ALAL21", "Kronisk obstruktiv lungesygdom (KOL)", "adm", ADM_FROM),
    ("ALAL22", "Type 2-diabetes", "adm", ADM_FROM),
    ("ALAL23", "Osteoporose", "adm", ADM_FROM),
    ("ALAL51", "Graviditet, fødsel og barsel", "adm", ADM_FROM),
    ("ALAL52", "Nyfødte", "adm", ADM_FROM),
]

# General forløbsmarkører AFV* (S6, list from March 2019): verified=1. Texts written out where the
# reference abbreviates a repeated prefix with "…".
AFV = """
AFV01 Ventetidsmarkører, generelle
AFV01A Henvist til udredning eller undersøgelse
AFV01A1 Henvist til udredning
AFV01A1A Henvist til udredning, maksimale ventetider
AFV01A1B Patient i igangværende udredning
AFV01A1C Henvist til udredning, omvisiteret fra anden enhed
AFV01A2 Patient i igangværende pakkeforløb
AFV01A3 Henvist til diagnostisk undersøgelse, ekstern henvisning
AFV01A4 Henvist til diagnostisk undersøgelse, intern henvisning
AFV01A5 Henvist til diagnostisk undersøgelse, omvisiteret fra anden enhed
AFV01A6 Henvist i graviditet
AFV01A7 Henvist til kontrol
AFV01A8 Henvist til andet
AFV01A8A Selvhenvender i privat regi
AFV01A9 Akut patient
AFV01B Udredning start
AFV01C Beslutning vedrørende behandling
AFV01C8 Samtykke til behandling, maksimale ventetider
AFV01C9 Samtykke til onkologisk efterbehandling, maksimale ventetider
AFV01E Henvist til behandling og efterbehandling
AFV01E1 Henvist til behandling
AFV01E1A Henvist til behandling, maksimale ventetider
AFV01E1B Patient i igangværende behandling
AFV01E1C Henvist til behandling, omvisiteret fra anden enhed
AFV01E2 Henvist til behandling, ej ret til udvidet frit sygehusvalg
AFV01E3 Henvist til onkologisk efterbehandling, maksimale ventetider
AFV01F Behandling start
AFV01F1 Behandling start, onkologisk efterbehandling, maksimale ventetider
AFV01X Venteperiode afsluttet
AFV01X1 Venteperiode afsluttet, klinisk begrundelse
AFV01X2 Venteperiode afsluttet, patientens ønske
AFV01X3 Venteperiode afsluttet, patient omvisiteret til anden enhed
AFV01X9 Behandling slut
AFV02 Ventetidsmarkører for ikke ventende
AFV02K Ikke ventende, klinisk begrundelse
AFV02K1 Ikke ventende, klinisk begrundelse, start
"""

# Administrative and other codes from general knowledge (UNVERIFIED in the reference): verified=0.
# Some codes are seen in the samples but their text is not (ATA3, ALGA02, ALFA2, ALFA3, RAS01, AZCL3,
# AZCA1, AZCK2, DD42, DD429); they are here too, with our text, verified=0.
ADM_UNVERIFIED = """
ALCA01 Udekontakt
ALCA10 Diagnoseindberetning
ALCA20 Død
ATA3 Planlagt
ATA11 Akut i dagarbejdstiden
ATA11A Akut i dagarbejdstiden, med konsekvens for dagsprogram
ATA12 Akut uden for dagarbejdstiden
ALCC02 Ulykke
ALCC03 Voldshandling
ALCC04 Selvmordsforsøg
ALCC05 Senfølge af skade
ALDA00 Ingen henvisning (selvhenvender)
ALDA01 Henvist fra alment praktiserende læge
ALDA02 Henvist fra praktiserende speciallæge
ALDA03 Henvist fra sygehus
ALDB01 Frit sygehusvalg
ALDB02 Udvidet frit sygehusvalg
ALFB01 Bopælsregionen
ALFB02 Anden region
ALFB03 Kommune
ALFB04 Staten
ALFB10 Patienten selv (selvbetaler)
ALFB11 Forsikringsselskab
ALFB12 Arbejdsgiver
ALFB20 Udenlandsk betaler
ALFA1 Offentlig betaling efter aftale med regionen
ALFA2 Højt specialiseret
ALFA3 Betalingsaftale ALFA3 (den officielle tekst kommer med SKS-importen)
ALFA4 Privat betaling uden offentlig aftale
ALFC1 Hovedfunktion
ALFC2 Regionsfunktion
ALAC10 Afsluttet til primærsektor (egen læge)
ALAC20 Afsluttet til anden sygehusenhed
ALAC30 Afsluttet til anden privat enhed
ALAC40 Afsluttet efter patientens ønske
ALAC50 Afsluttet, patienten udeblevet
ALAC60 Afsluttet uden opfølgning
ALAA02 Henvist i nyt sygdomsforløb
ALAA03 Mor-barn-forløb
ALGA02 Bidiagnose
TUL1 Højresidig
TUL3 Dobbeltsidig
ALAL90 Øvrige sygdomsforløb
APAA1 Ledende overlæge
APAA3 Afdelingslæge
APAA4 Reservelæge
APAA5 Speciallæge
APBA0 Oversygeplejerske
APBA2 Sygeplejerske
APCA1 Lægesekretær
APDA1 Fysioterapeut
APDA2 Ergoterapeut
APEA1 Psykolog
APFE1 Radiograf, ledende
RAS01 Komplet
RAS02 Ufuldstændig
AZCL3 Makroskopisk diagnosegrundlag
AZCA1 Diagnosegrundlag, klinisk undersøgelse
AZCK2 Diagnosegrundlag, billeddiagnostik
"""

# Handlingsspecifikation (spec.handspec): the sample shows the text "igangsat" with code "???".
# These codes are guesses at the code form; verified=0. record type adm.
HANDSPEC = """
AWX1 Igangsat
AWX2 Afbrudt
AWX3 Aflyst
AWX4 Udført i generel anæstesi
AWX5 Udført i lokalanæstesi
"""

# Result types named in lpr3-reference.md §1.3 (business rules S1a); texts paraphrased: verified=0.
RESULT_TYPES = """
RDA01 Anmeldelsesstatus
RDA02 Makroskopisk diagnosegrundlag
RDA03 Mikroskopisk diagnosegrundlag
RDA04 T-stadium (TNM)
RDA05 N-stadium (TNM)
RDA06 M-stadium (TNM)
RDA07 Lymfomlokalisation
RDA08 Stadium efter Ann Arbor
RDA20 Gestationsalder
RDA22 Paritet
RDA23 Antal tidligere levendefødte
RDA24 Antal tidligere dødfødte
RDA25 Tobaksforbrug under graviditet
RDA26 Moderens højde
RDA27 Moderens vægt før graviditet
RDA31 Fødselstidspunkt
RDA32 Antal fødte i kuldet
RDA33 Flernummer
RDA34 Fosterpræsentation
RDA35 Apgarscore efter 5 minutter
RDA36 Hovedomfang
RDA37 Abdominalomfang
RDA38 Placentavægt
RDA39 Fødselsvægt
RDA40 Fødselslængde
RDA41 Fødested
RDA42 Overførsel af barnet
RDA46 pH i navlesnorsarterie
RDA47 pH i navlesnorsvene
RDA48 Base excess i navlesnorsarterie
RDA49 Base excess i navlesnorsvene
RDA51 Samrådstilladelse
RDA52 Misdannelsesoplysning
RDA53 Misdannelsesdiagnose
RDA60 Skadetidspunkt
RDA61 Skademekanisme
RDA62 Skadested
RDA63 Aktivitet ved skade
RDA64 Transportform for tilskadekomne
RDA65 Transportform for modpart
RDA66 Trafikantrolle
RDA67 Uheldssituation
RDA68 Branche
RDA69 Modpart ved vold
RDA70 Sportsaktivitet
RDA71 Sikkerhedsudstyr
RDA72 Skadested, X-koordinat (UTM)
RDA73 Skadested, Y-koordinat (UTM)
RDA74 Præcision af skadested
RDA75 UTM-zone
RDA76 Produkt involveret i skaden
RDA80 Resultat af neonatal hørescreening
RDA85 Komplikationsgrad efter Clavien-Dindo
RDA91 Begrundelse for personligt alarm- og pejlesystem
RDA92 Samtykke til personligt alarm- og pejlesystem
RDA93 Beslutning om personligt alarm- og pejlesystem
RDA94 Overlægens stillingtagen
RDA96 Begrundelse for tvangsforanstaltning
RDA97 Behandlingssted for tvangsforanstaltning
RDA98 Seneste behandlingsdato
RDB02 Produktionsnummer
RDB03 Batch- eller lotnummer
RDB04 Serienummer
RDB05 Registreringsstandard
RDB06 Antal
RDB07 Registreringstidspunkt
RDB08 Produktionstidspunkt
RDB09 Udløbstidspunkt
"""

# Tillægskoder and contrast agents from general knowledge: verified=0.
SUPPLEMENTARY = """
ZDW11 Diagnosen stillet tidligere
ZDW20 Behandles
UXZ10 Med kontrast
UXZ20 Uden kontrast
MV08AB Vandopløselige, lavosmolære røntgenkontrastmidler
MV08AB02 Iohexol
MV08AB05 Iopromid
MV08CA Paramagnetiske kontrastmidler til MR
MV08CA01 Gadopentetsyre
MV08CA03 Gadodiamid
MV08CA09 Gadobutrol
"""

# --------------------------------------------------------------------------------------------------
# LPR3 named lists: (list_name, member, match, verified). verified=1 only where lpr3-reference.md has
# the membership VERIFIED. Lists we cannot fill honestly (e.g. proc.tvangsforanst) are left out, so
# the app treats them as unknown and the rules that need them stay quiet.
# --------------------------------------------------------------------------------------------------

def _codes(name: str, codes: str, verified: set[str] | None = None) -> list[tuple[str, str, str, int]]:
    return [(name, c, "code", int(c in (verified or set()))) for c in codes.split()]


def _prefixes(name: str, prefixes: str) -> list[tuple[str, str, str, int]]:
    return [(name, p, "prefix", 0) for p in prefixes.split()]


RAA_CODES = [f"RAA{i:02d}" for i in range(1, 11)]

LISTS: list[tuple[str, str, str, int]] = [
    *_codes("admin.konttype", "ALCA00 ALCA01 ALCA03 ALCA10 ALCA20", {"ALCA00", "ALCA03"}),
    *_codes("admin.konttype.fysfr", "ALCA00", {"ALCA00"}),
    *_codes("admin.konttype.udeko", "ALCA01"),
    *_codes("admin.konttype.diagindb", "ALCA10"),
    *_codes("admin.konttype.doed", "ALCA20"),
    *_prefixes("admin.prioritet", "ATA"),
    *_codes("admin.prioritet", "ATA1", {"ATA1"}),
    *_codes("admin.prioritet.akut", "ATA1 ATA11 ATA11A ATA11B ATA12", {"ATA1"}),
    *_codes("admin.prioritet.plan", "ATA3"),
    *_prefixes("admin.kontaarsag", "ALCC"),
    *_codes("admin.kontaarsag.skade", "ALCC02 ALCC03 ALCC04 ALCC05"),
    *_codes("admin.kontaarsag.skade.suba", "ALCC02"),
    *_prefixes("admin.henvmaade", "ALDA"),
    *_prefixes("admin.fritvalg", "ALDB"),
    *_prefixes("admin.afslutmaade", "ALAC"),
    *_prefixes("admin.betaler", "ALFB"),
    *_prefixes("admin.betalaftale", "ALFA"),
    *_prefixes("admin.specialniv", "ALFC"),
    # The Drools of rule 10.c tests 'admin.specialeniv' while its error text says admin.specialniv.
    *_prefixes("admin.specialeniv", "ALFC"),
    *_codes("admin.fravaer", "ALCF01 ALCF02", {"ALCF01", "ALCF02"}),
    *_codes("admin.diagart", "ALGA01 ALGA02"),
    *_codes("admin.diagart.aktdia", "ALGA01"),
    *_codes("admin.diagart.bidiag", "ALGA02"),
    *_prefixes("admin.personale", "AP"),
    *_prefixes("forloeb.label", "ALAL"),
    *_prefixes("forloeb.markoer", "AFV AFB"),
    *_prefixes("forloeb.reftype", "ALAA"),
    *_codes("forloeb.reftype.ident", "ALAA01 ALAA02"),
    *_codes("forloeb.reftype.diff", "ALAA03"),
    *_codes("spec.lateraldiag", "TUL1 TUL2 TUL3"),
    *_codes("spec.lateralproc", "TUL1 TUL2 TUL3"),
    *_codes("spec.handspec", "AWX1 AWX2 AWX3 AWX4 AWX5"),
    *_prefixes("spec.anvkontrast", "MV"),
    *_codes("resindb.navn", " ".join(RAA_CODES), set(RAA_CODES)),
    *_prefixes("diag", "D"),
    # §2.1: SDS put all procedure codes in proc.opr. UX-tillægskoder (UXZ) are left out on purpose.
    *_prefixes("proc.opr", "K B NAA W ZZ UXA UXC UXM UXN UXP UXR UXU"),
    *_prefixes("diag.car", "DC DD0 " + " ".join(f"DD{n}" for n in range(37, 49))),
    *_prefixes("diag.primkraeft", "DC0 DC1 DC2 DC3 DC4 DC5 DC6 DC70 DC71 DC72 DC73 DC74 DC75 DC76 DC8 DC9"),
    *_prefixes("diag.metastase", "DC77 DC78 DC79"),
    *_codes("diag.metastase", "DC793C"),
    *_codes("diag.lokalrecidiv", "DT636C"),
    *_prefixes("diag.foedmor", "DO80 DO81 DO82 DO83 DO84"),
    *_prefixes("diag.foedbarn", "DZ38"),
    *_prefixes("diag.abort", "DO04 DO05 DO06"),
    *_prefixes("proc.implantat", "KNBB KNBC KNCB KNDB KNFB KNFC KNGB KNGC KNHB KFPC KDFA"),
    *_codes("proc.implantat", "KHAD10 KHAE00 KHAE20"),
    *_codes("proc.kontrast", "UXAA10 UXAH10 UXCC10"),
    *_prefixes(
        "proc.lateral",
        "KACC KNB KNC KND KNF KNG KNH KC KDA KDC KDD KDF KHA KLA KLB KKEC KKF KPHB KPHC KPJD "
        "UXCG UXCH UXMG UXMH UXRG UXRH UXUG UXUH UXUC10 UXUC20",
    ),
    *_prefixes(
        "diag.lateral",
        "DH0 DH1 DH2 DH3 DH4 DH5 DH6 DH7 DH8 DH90 DH91 DH92 DH93 DC50 DD05 DD24 DN60 DN61 DN62 DN63 DN64 "
        "DM16 DM17 DM18 DM20 DM22 DM23 DM65 DM67 DM70 DM71 DM72 DM75 DM76 DM77 DG56 DG57 "
        "DS42 DS43 DS46 DS52 DS53 DS62 DS63 DS72 DS73 DS82 DS83 DS86 DS92 DS93 DN43 DN44 DN45 DN70 DN83",
    ),
]

# --------------------------------------------------------------------------------------------------
# Demo SOR units. The ids of the hospital, its unit, the GP and the municipal unit are real example
# ids from the LPR3 CDA samples (S1d); the names, CVR numbers and ydernummer here are demo values.
# (sor_id, name, level, owner_type, cvr, ydernummer, unit_type, parent, valid_from, valid_to)
# --------------------------------------------------------------------------------------------------

SOR_UNITS = [
    ("999911000016001", "Demo Privatklinik ApS", "SI", "privat", "12345678", "", "Privat sygehus/klinik",
     "", "2020-01-01", ""),
    ("999921000016002", "Demo Privatklinik ApS, Ortopædkirurgi", "OE", "privat", "12345678", "",
     "Ambulatorium", "999911000016001", "2020-01-01", ""),
    ("999931000016003", "Demo Privatklinik ApS, Dermatologi", "OE", "privat", "12345678", "",
     "Ambulatorium", "999911000016001", "2020-01-01", ""),
    ("6071000016008", "Demo Regionshospital", "SI", "regional", "", "", "Sygehus", "", "2007-01-01", ""),
    ("486811000016002", "Demo Regionshospital, Ortopædkirurgisk Ambulatorium", "OE", "regional", "", "",
     "Ambulatorium", "6071000016008", "2007-01-01", ""),
    ("276231000016004", "Demo Lægehus (alment praktiserende læge)", "SI", "privat", "87654321", "099999",
     "Almen praksis", "", "2010-01-01", ""),
    ("404261000016009", "Demo Kommune, Hjemmesygeplejen", "SI", "kommunal", "", "",
     "Kommunal sundhedsenhed", "", "2012-01-01", ""),
]

# --------------------------------------------------------------------------------------------------

def _entries(block: str) -> list[tuple[str, str]]:
    out = []
    for line in block.strip().splitlines():
        line = line.strip()
        if line:
            code, text = line.split(" ", 1)
            out.append((code, text.strip()))
    return out


def _record_type(code: str) -> str:
    if code.startswith("D"):
        return "dia"
    if code.startswith(("RAA", "RDA", "RDB", "RAS")):
        return "res"
    if code.startswith(("TUL", "ZDW", "ZDA", "UXZ")):
        return "til"
    if code.startswith("MV"):
        return "atc"
    if code.startswith(("A",)):
        return "adm"
    return "pro"


def build_codes() -> list[tuple[str, str, str, str, str, int]]:
    """All code rows: (code, text, record_type, valid_from, valid_to, verified)."""
    rows: dict[str, tuple[str, str, str, str, str, int]] = {}

    def add(code: str, text: str, rtype: str, valid_from: str, verified: int) -> None:
        # A verified row wins over an unverified one of the same code; otherwise the first one stays.
        old = rows.get(code)
        if old is None or (verified and not old[5]):
            rows[code] = (code, text, rtype, valid_from, "", verified)

    for code, text, rtype, valid_from in VERIFIED_ROWS:
        add(code, text, rtype, valid_from, 1)
    for code, text in _entries(AFV):
        add(code, text, "adm", ADM_FROM, 1)
    for block in (ADM_UNVERIFIED, HANDSPEC):
        for code, text in _entries(block):
            add(code, text, _record_type(code), ADM_FROM, 0)
    for code, text in _entries(RESULT_TYPES):
        add(code, text, "res", ADM_FROM, 0)
    for code, text in _entries(SUPPLEMENTARY):
        add(code, text, _record_type(code), ADM_FROM, 0)
    for code, text in _entries(DIA_3) + _entries(DIA_4):
        add("D" + code, text, "dia", DIA_FROM, 0)
    for code, text in _entries(PRO):
        add(code, text, "pro", PRO_FROM, 0)
    return sorted(rows.values(), key=lambda r: r[0])


def _clean(value: object) -> str:
    text = "" if value is None else str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        raise ValueError(f"tab or newline in field: {text!r}")
    return text


def write_tsv(path, header: list[str], rows) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(header) + "\n")
        for row in rows:
            if len(row) != len(header):
                raise ValueError(f"{path}: {row!r} has {len(row)} fields, expected {len(header)}")
            fh.write("\t".join(_clean(v) for v in row) + "\n")


def main() -> None:
    from collections import Counter
    from pathlib import Path

    out = Path(__file__).resolve().parent.parent / "assets" / "catalog"
    out.mkdir(parents=True, exist_ok=True)
    codes = build_codes()
    write_tsv(out / "codes.tsv", ["code", "text", "record_type", "valid_from", "valid_to", "verified"], codes)
    lists = sorted(set(LISTS))
    write_tsv(out / "lists.tsv", ["list_name", "member", "match", "verified"], lists)
    write_tsv(
        out / "sor_units.tsv",
        ["sor_id", "name", "level", "owner_type", "cvr", "ydernummer", "unit_type", "parent", "valid_from",
         "valid_to"],
        SOR_UNITS,
    )
    kinds = Counter(r[2] for r in codes)
    print(f"codes.tsv: {len(codes)} rows; per record_type {dict(sorted(kinds.items()))}; "
          f"verified=1: {sum(r[5] for r in codes)}")
    print(f"lists.tsv: {len(lists)} rows in {len({r[0] for r in lists})} lists")
    print(f"sor_units.tsv: {len(SOR_UNITS)} rows")


if __name__ == "__main__":
    main()
