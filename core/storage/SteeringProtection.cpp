#include "SteeringProtection.h"

using namespace Qt::StringLiterals;

namespace bs::SteeringProtection {

QString functionSignature()
{
    return u"stuurgroep_bescherm(bigint[], integer[], integer[], integer[])"_s;
}

// Line for line Ledger::protect() of core/stats/Disclosure.cpp, with every count published (the
// function prints every row it has): first no sum with exactly one unknown member, then, as the
// reader attacks (bounds carried through every sum until nothing changes), a "<5" that can be
// worked out becomes "x" and an "x" that can be worked out gets a hidden neighbour. Keep the two
// in step; tst_steering's rawServerFiguresPinNoHiddenCount attacks the result as a reader would.
QString functionSql()
{
    return uR"sql(CREATE OR REPLACE FUNCTION stuurgroep_bescherm(p_waarden bigint[], p_totalen integer[], p_begin integer[], p_leden integer[])
RETURNS smallint[] LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
    drempel constant bigint := 5;
    grens constant bigint := 1000000000000000;  -- no upper bound ("x")
    n integer := coalesce(array_length(p_waarden, 1), 0);
    m integer := coalesce(array_length(p_totalen, 1), 0);
    teken smallint[];
    laag bigint[];
    hoog bigint[];
    dichtbij boolean[];
    buur boolean[];
    i integer; j integer; k integer; id integer; beste integer; onbekend integer; ronde integer; stap integer;
    gewijzigd boolean; geraakt boolean;
    lows bigint; highs bigint; open_eind integer; begrensd bigint; t_laag bigint; t_hoog bigint;
    a_laag bigint; a_hoog bigint; ander_laag bigint; ander_hoog bigint; ander_open boolean; nieuw_laag bigint; nieuw_hoog bigint;
BEGIN
    IF n = 0 THEN
        RETURN '{}'::smallint[];
    END IF;
    teken := array_fill(0::smallint, ARRAY[n]);
    FOR i IN 1 .. n LOOP
        IF p_waarden[i] BETWEEN 1 AND drempel - 1 THEN
            teken[i] := 1;
        END IF;
    END LOOP;

    -- Ledger::protectSum: a sum with one unknown member gives it away; hide the smallest other
    -- shown non-zero addend, or the total. Start again from the first sum after each.
    k := 1;
    WHILE k <= m LOOP
        onbekend := CASE WHEN teken[p_totalen[k]] > 0 THEN 1 ELSE 0 END;
        FOR j IN p_begin[k] .. p_begin[k + 1] - 1 LOOP
            IF teken[p_leden[j]] > 0 THEN
                onbekend := onbekend + 1;
            END IF;
        END LOOP;
        beste := NULL;
        IF onbekend = 1 THEN
            FOR j IN p_begin[k] .. p_begin[k + 1] - 1 LOOP
                id := p_leden[j];
                IF teken[id] = 0 AND p_waarden[id] > 0 AND (beste IS NULL OR p_waarden[id] < p_waarden[beste]) THEN
                    beste := id;
                END IF;
            END LOOP;
            IF beste IS NULL AND teken[p_totalen[k]] = 0 AND p_waarden[p_totalen[k]] > 0 THEN
                beste := p_totalen[k];
            END IF;
        END IF;
        IF beste IS NOT NULL THEN
            teken[beste] := 2;
            k := 1;
        ELSE
            k := k + 1;
        END IF;
    END LOOP;

    -- Ledger::protect's second round: each step hides one more count, so it ends.
    FOR stap IN 1 .. n + 1 LOOP
        -- Ledger::readerRanges
        laag := array_fill(0::bigint, ARRAY[n]);
        hoog := array_fill(0::bigint, ARRAY[n]);
        FOR i IN 1 .. n LOOP
            IF teken[i] = 0 THEN
                laag[i] := p_waarden[i];
                hoog[i] := p_waarden[i];
            ELSIF teken[i] = 1 THEN
                laag[i] := 1;
                hoog[i] := drempel - 1;
            ELSE
                laag[i] := 1;
                hoog[i] := grens;
            END IF;
        END LOOP;
        FOR ronde IN 1 .. 200 LOOP
            gewijzigd := false;
            FOR k IN 1 .. m LOOP
                lows := 0;
                highs := 0;
                open_eind := 0;
                begrensd := 0;
                FOR j IN p_begin[k] .. p_begin[k + 1] - 1 LOOP
                    id := p_leden[j];
                    lows := least(lows + laag[id], grens);
                    highs := least(highs + hoog[id], grens);
                    IF hoog[id] >= grens THEN
                        open_eind := open_eind + 1;
                    ELSE
                        begrensd := begrensd + hoog[id];
                    END IF;
                END LOOP;
                id := p_totalen[k];
                IF lows > laag[id] THEN
                    laag[id] := lows;
                    gewijzigd := true;
                END IF;
                IF highs < hoog[id] THEN
                    hoog[id] := highs;
                    gewijzigd := true;
                END IF;
                t_laag := laag[id];
                t_hoog := hoog[id];
                FOR j IN p_begin[k] .. p_begin[k + 1] - 1 LOOP
                    id := p_leden[j];
                    a_laag := laag[id];
                    a_hoog := hoog[id];
                    ander_laag := lows - a_laag;
                    ander_open := open_eind - CASE WHEN a_hoog >= grens THEN 1 ELSE 0 END > 0;
                    ander_hoog := CASE WHEN ander_open THEN grens ELSE begrensd - CASE WHEN a_hoog >= grens THEN 0 ELSE a_hoog END END;
                    nieuw_laag := CASE WHEN ander_open THEN a_laag ELSE greatest(a_laag, t_laag - ander_hoog) END;
                    nieuw_hoog := CASE WHEN t_hoog >= grens THEN a_hoog ELSE least(a_hoog, t_hoog - ander_laag) END;
                    IF nieuw_laag > laag[id] THEN
                        laag[id] := nieuw_laag;
                        gewijzigd := true;
                    END IF;
                    IF nieuw_hoog < hoog[id] THEN
                        hoog[id] := nieuw_hoog;
                        gewijzigd := true;
                    END IF;
                END LOOP;
            END LOOP;
            EXIT WHEN NOT gewijzigd;
        END LOOP;

        -- Ledger::atRisk, and the first hidden count at risk protected
        gewijzigd := false;
        FOR i IN 1 .. n LOOP
            CONTINUE WHEN teken[i] = 0 OR laag[i] <> hoog[i];
            IF teken[i] = 1 THEN
                teken[i] := 2;  -- "<5" says too much here: "x"
                gewijzigd := true;
            ELSE
                -- Ledger::hideNextTo: the smallest shown non-zero count in a sum that holds it,
                -- or else in a sum one step further out.
                dichtbij := array_fill(false, ARRAY[greatest(m, 1)]);
                buur := array_fill(false, ARRAY[n]);
                beste := NULL;
                FOR k IN 1 .. m LOOP
                    IF p_totalen[k] = i OR i = ANY (p_leden[p_begin[k] : p_begin[k + 1] - 1]) THEN
                        dichtbij[k] := true;
                        FOR j IN p_begin[k] .. p_begin[k + 1] LOOP
                            id := CASE WHEN j = p_begin[k + 1] THEN p_totalen[k] ELSE p_leden[j] END;
                            buur[id] := true;
                            IF teken[id] = 0 AND p_waarden[id] > 0 AND (beste IS NULL OR p_waarden[id] < p_waarden[beste]) THEN
                                beste := id;
                            END IF;
                        END LOOP;
                    END IF;
                END LOOP;
                IF beste IS NULL THEN
                    FOR k IN 1 .. m LOOP
                        CONTINUE WHEN dichtbij[k];
                        geraakt := buur[p_totalen[k]];
                        FOR j IN p_begin[k] .. p_begin[k + 1] - 1 LOOP
                            geraakt := geraakt OR buur[p_leden[j]];
                        END LOOP;
                        CONTINUE WHEN NOT geraakt;
                        FOR j IN p_begin[k] .. p_begin[k + 1] LOOP
                            id := CASE WHEN j = p_begin[k + 1] THEN p_totalen[k] ELSE p_leden[j] END;
                            IF teken[id] = 0 AND p_waarden[id] > 0 AND (beste IS NULL OR p_waarden[id] < p_waarden[beste]) THEN
                                beste := id;
                            END IF;
                        END LOOP;
                    END LOOP;
                END IF;
                IF beste IS NOT NULL THEN
                    teken[beste] := 2;
                    gewijzigd := true;
                END IF;
            END IF;
            EXIT WHEN gewijzigd;
        END LOOP;
        EXIT WHEN NOT gewijzigd;
    END LOOP;
    RETURN teken;
END
$fn$)sql"_s;
}

// The sums a reader can form from the function's rows, as (orde, nr, totaal, deel): one sum per
// (orde, nr, totaal). Sums of cells come before sums of totals, as the Ledger wants them.
// A row that is not there is a zero and needs no place in a sum.
QString markingParts()
{
    return uR"sql(
som_delen AS (
    -- The buurt table: its rows and columns.
    SELECT 1 AS orde, 0 AS nr, t.id AS totaal, a.id AS deel FROM cel t JOIN cel a ON a.cijfer = 'buurt_thema' AND a.sleutel1 = t.sleutel1
    WHERE t.cijfer = 'buurt'
    UNION ALL
    SELECT 2, 0, t.id, a.id FROM cel t JOIN cel a ON a.cijfer = 'buurt_thema' AND a.sleutel2 = t.sleutel2
    WHERE t.cijfer = 'thema' AND t.sleutel1 IS NULL
    UNION ALL
    -- Figures that are parts of another with the same keys: late is part of open, the partner
    -- columns and the ladder's relate so, a median's count is that of its column, and a
    -- selection and its rest make up the whole.
    SELECT 3, r.nr, t.id, a.id
    FROM (VALUES (1, 'open', 'laat'), (1, 'open', 'open_niet_laat'),
                 (2, 'verwezen', 'geaccepteerd'), (2, 'verwezen', 'afgewezen'), (2, 'verwezen', 'verwezen_overig'),
                 (3, 'geaccepteerd', 'afgerond'), (3, 'geaccepteerd', 'geaccepteerd_lopend'),
                 (4, 'verwezen', 'afgerond'), (4, 'verwezen', 'afgewezen'), (4, 'verwezen', 'laat_verwezen'), (4, 'verwezen', 'verwezen_rest'),
                 (5, 'gesloten', 'lus_gesloten'), (5, 'gesloten', 'gesloten_zonder_lus'),
                 (6, 'mediaan_accepteren', 'geaccepteerd'), (7, 'mediaan_afronden', 'afgerond'),
                 (8, 'niveau_open', 'niveau_stil'), (8, 'niveau_open', 'niveau_open_niet_stil'),
                 (9, 'thema', 'selectie_thema'), (9, 'thema', 'selectie_rest_thema'),
                 (10, 'totaal', 'selectie_totaal'), (10, 'totaal', 'selectie_rest_totaal'),
                 (11, 'vorige_totaal', 'selectie_vorige'), (11, 'vorige_totaal', 'selectie_rest_vorige'),
                 (12, 'open', 'selectie_open'), (12, 'open', 'selectie_rest_open'),
                 (13, 'laat', 'selectie_laat'), (13, 'laat', 'selectie_rest_laat')) r(nr, geheel, deel)
    JOIN cel t ON t.cijfer = r.geheel
    JOIN cel a ON a.cijfer = r.deel AND a.sleutel1 IS NOT DISTINCT FROM t.sleutel1 AND a.sleutel2 IS NOT DISTINCT FROM t.sleutel2
    UNION ALL
    -- Months by theme: rows, and columns that add up to the same theme totals.
    SELECT 4, 0, t.id, a.id FROM cel t JOIN cel a ON a.cijfer = 'maand_thema' AND a.sleutel1 = t.sleutel1 WHERE t.cijfer = 'maand'
    UNION ALL
    SELECT 5, 0, t.id, a.id FROM cel t JOIN cel a ON a.cijfer = 'maand_thema' AND a.sleutel2 = t.sleutel2
    WHERE t.cijfer = 'thema' AND t.sleutel1 IS NULL
    UNION ALL
    -- A selection's figures: the buurten in it, and those left out.
    SELECT 6, r.nr, t.id, a.id
    FROM (VALUES (1, 'selectie_thema', 'buurt_thema', true), (2, 'selectie_rest_thema', 'buurt_thema', false),
                 (3, 'selectie_vorige', 'vorige_buurt', true), (4, 'selectie_rest_vorige', 'vorige_buurt', false),
                 (5, 'selectie_open', 'open', true), (6, 'selectie_rest_open', 'open', false),
                 (7, 'selectie_laat', 'laat', true), (8, 'selectie_rest_laat', 'laat', false)) r(nr, geheel, deel, binnen)
    JOIN cel t ON t.cijfer = r.geheel
    JOIN cel a ON a.cijfer = r.deel AND a.sleutel1 IS NOT NULL AND (a.sleutel1 = ANY (CAST(p_selectie AS text[]))) = r.binnen
                  AND a.sleutel2 IS NOT DISTINCT FROM t.sleutel2
    UNION ALL
    -- Totals over every buurt, partner or level: the row without a key.
    SELECT 7, 0, t.id, a.id FROM cel t JOIN cel a ON a.cijfer = t.cijfer AND a.sleutel1 IS NOT NULL
    WHERE t.sleutel1 IS NULL AND t.sleutel2 IS NULL
      AND t.cijfer IN ('open', 'laat', 'open_niet_laat', 'verwezen', 'geaccepteerd', 'afgerond', 'afgewezen', 'laat_verwezen',
                       'verwezen_overig', 'geaccepteerd_lopend', 'verwezen_rest', 'gesloten', 'lus_gesloten', 'gesloten_zonder_lus',
                       'mediaan_accepteren', 'mediaan_afronden', 'niveau_open', 'niveau_stil', 'niveau_open_niet_stil',
                       'niveau_omhoog', 'niveau_omlaag')
    UNION ALL
    -- Totals of totals, and one count given twice (the open signals, by buurt and by level).
    SELECT 8, r.nr, t.id, a.id
    FROM (VALUES (1, 'totaal', 'buurt', false), (2, 'totaal', 'thema', false), (3, 'totaal', 'maand', false),
                 (4, 'vorige_totaal', 'vorige_buurt', false), (5, 'afgewezen', 'afwijzing', false),
                 (6, 'selectie_totaal', 'selectie_thema', false), (7, 'selectie_rest_totaal', 'selectie_rest_thema', false),
                 (8, 'niveau_open', 'open', true)) r(nr, geheel, deel, alleen_totaal)
    JOIN cel t ON t.cijfer = r.geheel AND t.sleutel1 IS NULL AND t.sleutel2 IS NULL
    JOIN cel a ON a.cijfer = r.deel AND (NOT r.alleen_totaal OR (a.sleutel1 IS NULL AND a.sleutel2 IS NULL))),
sommen AS (
    SELECT row_number() OVER (ORDER BY orde, nr, totaal) AS k, totaal, array_agg(deel ORDER BY deel) AS delen
    FROM som_delen GROUP BY orde, nr, totaal),
sommen_plaats AS (
    SELECT k, totaal, delen, CAST(1 + coalesce(sum(cardinality(delen)) OVER (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS integer) AS begin
    FROM sommen),
bescherming AS MATERIALIZED (
    SELECT stuurgroep_bescherm(
        (SELECT array_agg(coalesce(aantal, 0) ORDER BY id) FROM cel),
        (SELECT coalesce(array_agg(CAST(totaal AS integer) ORDER BY k), '{}') FROM sommen_plaats),
        (SELECT coalesce(array_agg(begin ORDER BY k), '{}') || CAST(1 + coalesce(sum(cardinality(delen)), 0) AS integer) FROM sommen_plaats),
        (SELECT coalesce(array_agg(CAST(d AS integer) ORDER BY s.k, u.plaats), '{}') FROM sommen_plaats s, unnest(s.delen) WITH ORDINALITY u(d, plaats)))
        AS teken)
)sql"_s;
}

}  // namespace bs::SteeringProtection
