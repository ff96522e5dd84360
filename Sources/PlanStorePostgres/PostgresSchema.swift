import Foundation

/// The shared plan's tables, roles and rules, in the schema `planboard`.
///
/// **Why one table of parts.** The plan is held as one row per part: the header, settings
/// and governance, each area, each action (with its notes), each risk, each KPI (with its
/// milestones), each checkpoint and each meeting, keyed by kind and identity, with its
/// position, its value as JSON written by the model's own `Codable`, and `rev`, the log
/// position that last wrote it. An edit rewrites only the parts it changed.
///
/// **Only the owner writes tables.** Viewers, editors and chairs get `SELECT` and nothing
/// else. They change the plan only by calling `planboard.apply`, a SECURITY DEFINER function
/// that, in one statement: locks the plan row; refuses a part whose revision moved since the
/// caller read it (the caller then reads again and tells the person who changed what); refuses
/// a part kind the caller's role may not write (editor: actions with their notes, risks, KPI
/// actuals; chair: everything; viewer: nothing); checks each body's shape (the JSON of that
/// kind: required keys, types, dates, statuses from the set); writes the parts; appends the
/// log line signed by `session_user` at the server's time; sends `NOTIFY planboard`; and
/// returns the new log position. The log is append-only for everyone but the owner.
///
/// **People.** `planboard.set_person` adds a login or changes a planboard role, and touches
/// only logins that hold a planboard role or that it creates itself: never the owner, a
/// superuser, a role that may create roles, or planboard's own group roles. A password is
/// set only when the login is made, and arrives as a SCRAM-SHA-256 verifier computed by
/// planboard, so no plaintext password reaches the server or its log.
///
/// Every SECURITY DEFINER function pins `search_path = pg_catalog, pg_temp` and names every
/// object with its schema, so nothing a caller creates (a temporary view called `pg_roles`)
/// is ever found in its place; nothing the caller passes is put into SQL text except through
/// `format('%I')`.
enum PostgresSchema {
    /// The schema this planboard writes; a database with a higher number is refused, one
    /// with a lower number is upgraded by its owner (`migrations`).
    static let version = 2

    static let editorKinds: Set<String> = ["action", "risk", "kpi"]

    /// Creates the roles if the server has none yet (they are server-wide).
    static let roles = """
        DO $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'planboard_viewer') THEN CREATE ROLE planboard_viewer NOLOGIN; END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'planboard_editor') THEN CREATE ROLE planboard_editor NOLOGIN; END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'planboard_chair') THEN CREATE ROLE planboard_chair NOLOGIN; END IF;
        END $$;
        GRANT planboard_viewer TO planboard_editor;
        GRANT planboard_editor TO planboard_chair;
        """

    /// The tables of a new database (schema version 1's, which version 2 keeps).
    static let tablesV1 = """
        CREATE SCHEMA planboard;
        REVOKE ALL ON SCHEMA planboard FROM PUBLIC;
        GRANT USAGE ON SCHEMA planboard TO planboard_viewer;

        CREATE TABLE planboard.meta (
            key text PRIMARY KEY,
            value text NOT NULL
        );
        INSERT INTO planboard.meta (key, value) VALUES ('schema_version', '1');

        -- The one row every writer locks (SELECT ... FOR UPDATE), so edits apply one after another.
        CREATE TABLE planboard.plan (
            id integer PRIMARY KEY CHECK (id = 1),
            format text NOT NULL,
            version bigint NOT NULL DEFAULT 0
        );

        CREATE TABLE planboard.part (
            kind text NOT NULL CHECK (kind IN ('header', 'settings', 'governance', 'area', 'action', 'risk', 'kpi', 'checkpoint', 'meeting')),
            key text NOT NULL,
            parent text,
            position integer NOT NULL,
            body text NOT NULL,
            rev bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (kind, key)
        );

        CREATE TABLE planboard.change (
            seq bigint PRIMARY KEY,
            at text NOT NULL,
            who text NOT NULL DEFAULT session_user,
            kind text NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'import')),
            target bigint REFERENCES planboard.change(seq),
            summary text NOT NULL,
            edit text,
            inverse text,
            token uuid UNIQUE
        );
        CREATE INDEX change_at ON planboard.change (at);
        """

    /// From version 1 to 2: nobody but the owner writes a table; every change goes through
    /// `planboard.apply`; people are managed without escalation; removed parts are remembered
    /// so a reader catches up in one call.
    static let toV2 = """
        DROP POLICY IF EXISTS part_read ON planboard.part;
        DROP POLICY IF EXISTS part_editor_insert ON planboard.part;
        DROP POLICY IF EXISTS part_editor_update ON planboard.part;
        DROP POLICY IF EXISTS part_editor_delete ON planboard.part;
        DROP POLICY IF EXISTS part_chair ON planboard.part;
        DROP POLICY IF EXISTS change_read ON planboard.change;
        DROP POLICY IF EXISTS change_signed ON planboard.change;
        DROP POLICY IF EXISTS plan_read ON planboard.plan;
        DROP POLICY IF EXISTS plan_write ON planboard.plan;
        DROP POLICY IF EXISTS plan_create ON planboard.plan;
        ALTER TABLE planboard.part DISABLE ROW LEVEL SECURITY;
        ALTER TABLE planboard.change DISABLE ROW LEVEL SECURITY;
        ALTER TABLE planboard.plan DISABLE ROW LEVEL SECURITY;
        REVOKE ALL ON ALL TABLES IN SCHEMA planboard FROM PUBLIC, planboard_viewer, planboard_editor, planboard_chair;
        GRANT SELECT ON ALL TABLES IN SCHEMA planboard TO planboard_viewer;
        DROP FUNCTION IF EXISTS planboard.set_person(text, text, text, boolean);

        -- Parts removed, with the log position that removed them, so a reader that is behind
        -- learns of removals without listing every part.
        CREATE TABLE planboard.gone (
            kind text NOT NULL,
            key text NOT NULL,
            rev bigint NOT NULL,
            PRIMARY KEY (kind, key)
        );
        GRANT SELECT ON planboard.gone TO planboard_viewer;

        CREATE OR REPLACE FUNCTION planboard.role_of(person name) RETURNS text
        LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
            SELECT CASE
                WHEN pg_catalog.pg_has_role(person, 'planboard_chair', 'MEMBER') THEN 'chair'
                WHEN pg_catalog.pg_has_role(person, 'planboard_editor', 'MEMBER') THEN 'editor'
                WHEN pg_catalog.pg_has_role(person, 'planboard_viewer', 'MEMBER') THEN 'viewer'
                ELSE NULL END
        $$;

        -- The caller's planboard role: a superuser and the schema's owner count as chairs.
        CREATE FUNCTION planboard.caller_role() RETURNS text
        LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
            SELECT CASE
                WHEN r.rolsuper OR r.oid = n.nspowner THEN 'chair'
                ELSE planboard.role_of(session_user) END
            FROM pg_catalog.pg_roles r, pg_catalog.pg_namespace n
            WHERE r.rolname = session_user AND n.nspname = 'planboard'
        $$;

        -- What is wrong with a value against a shape, or NULL. A shape is a JSON object (keys and
        -- their shapes), a one-element list (every element that shape), or a type name: string,
        -- int, number, bool, date, status, better, linekind, any; a trailing ? allows null or absence.
        CREATE FUNCTION planboard.shape_problem(v jsonb, shape jsonb, place text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
            t text; k text; s jsonb; p text; e jsonb; i integer := 0; n numeric;
        BEGIN
            IF pg_catalog.jsonb_typeof(shape) = 'object' THEN
                IF v IS NULL OR pg_catalog.jsonb_typeof(v) <> 'object' THEN RETURN place || ' is not an object'; END IF;
                FOR k, s IN SELECT x.key, x.value FROM pg_catalog.jsonb_each(shape) AS x LOOP
                    IF NOT (v ? k) THEN
                        IF pg_catalog.jsonb_typeof(s) = 'string' AND pg_catalog.right(s #>> '{}', 1) = '?' THEN CONTINUE; END IF;
                        RETURN place || ' has no "' || k || '"';
                    END IF;
                    p := planboard.shape_problem(v -> k, s, place || '.' || k);
                    IF p IS NOT NULL THEN RETURN p; END IF;
                END LOOP;
                RETURN NULL;
            ELSIF pg_catalog.jsonb_typeof(shape) = 'array' THEN
                IF v IS NULL OR pg_catalog.jsonb_typeof(v) <> 'array' THEN RETURN place || ' is not a list'; END IF;
                FOR e IN SELECT x.value FROM pg_catalog.jsonb_array_elements(v) AS x LOOP
                    p := planboard.shape_problem(e, shape -> 0, place || '[' || i || ']');
                    IF p IS NOT NULL THEN RETURN p; END IF;
                    i := i + 1;
                END LOOP;
                RETURN NULL;
            END IF;
            t := shape #>> '{}';
            IF pg_catalog.right(t, 1) = '?' THEN
                IF v IS NULL OR pg_catalog.jsonb_typeof(v) = 'null' THEN RETURN NULL; END IF;
                t := pg_catalog.left(t, -1);
            END IF;
            IF v IS NULL THEN RETURN place || ' is missing'; END IF;
            CASE t
            WHEN 'any' THEN RETURN NULL;
            WHEN 'string' THEN
                IF pg_catalog.jsonb_typeof(v) <> 'string' THEN RETURN place || ' is not text'; END IF;
            WHEN 'bool' THEN
                IF pg_catalog.jsonb_typeof(v) <> 'boolean' THEN RETURN place || ' is not true or false'; END IF;
            WHEN 'number', 'int' THEN
                IF pg_catalog.jsonb_typeof(v) <> 'number' THEN RETURN place || ' is not a number'; END IF;
                n := (v #>> '{}')::numeric;
                IF pg_catalog.abs(n) >= 1e15 THEN RETURN place || ' is too large'; END IF;
                IF t = 'int' AND n <> pg_catalog.trunc(n) THEN RETURN place || ' is not a whole number'; END IF;
            WHEN 'date' THEN
                IF pg_catalog.jsonb_typeof(v) <> 'string' OR (v #>> '{}') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
                    RETURN place || ' is not a date YYYY-MM-DD';
                END IF;
                BEGIN
                    PERFORM pg_catalog.make_date(pg_catalog.substr(v #>> '{}', 1, 4)::int, pg_catalog.substr(v #>> '{}', 6, 2)::int,
                                                 pg_catalog.substr(v #>> '{}', 9, 2)::int);
                EXCEPTION WHEN others THEN
                    RETURN place || ' is not a real date';
                END;
                IF pg_catalog.substr(v #>> '{}', 1, 4) = '0000' THEN RETURN place || ' is not a real date'; END IF;
            WHEN 'status' THEN
                IF pg_catalog.jsonb_typeof(v) <> 'string' OR (v #>> '{}') NOT IN ('not-started', 'red', 'amber', 'green', 'complete') THEN
                    RETURN place || ' is not a status (not-started, red, amber, green, complete)';
                END IF;
            WHEN 'better' THEN
                IF pg_catalog.jsonb_typeof(v) <> 'string' OR (v #>> '{}') NOT IN ('higher', 'lower') THEN
                    RETURN place || ' is not higher or lower';
                END IF;
            WHEN 'linekind' THEN
                IF pg_catalog.jsonb_typeof(v) <> 'string' OR (v #>> '{}') NOT IN ('information', 'accountability') THEN
                    RETURN place || ' is not information or accountability';
                END IF;
            ELSE
                RETURN place || ' has a shape planboard does not know';
            END CASE;
            RETURN NULL;
        END $$;

        -- What is wrong with a part's body, or NULL: JSON of its kind, naming its own key.
        CREATE FUNCTION planboard.part_problem(k text, ky text, par text, body text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
            j jsonb; shape jsonb; p text;
            score constant jsonb := '{"likelihood": "int", "impact": "int"}';
            person constant jsonb := '{"name": "string", "role": "string", "organisation": "string"}';
        BEGIN
            BEGIN
                j := body::jsonb;
            EXCEPTION WHEN others THEN
                RETURN 'the ' || k || ' "' || ky || '" is not JSON';
            END;
            shape := CASE k
                WHEN 'header' THEN pg_catalog.jsonb_build_object('localArea', 'string', 'title', 'string', 'notice', 'string?',
                    'inspectionStart', 'date?', 'inspectionEnd', 'date?', 'revisitReportDate', 'date?',
                    'accountableOfficers', pg_catalog.jsonb_build_array(person), 'advisers', pg_catalog.jsonb_build_array(person))
                WHEN 'settings' THEN '{"lowRiskMax": "int", "mediumRiskMax": "int", "dueSoonDays": "int"}'::jsonb
                WHEN 'governance' THEN '{"narrative": "string", "partners": ["string"],
                    "reportingLines": [{"from": "string", "to": "string", "kind": "linekind", "frequency": "string"}]}'::jsonb
                WHEN 'area' THEN '{"number": "int", "title": "string", "weakness": "string", "findingsSource": "string",
                    "findings": [{"letter": "string", "text": "string"}], "actions": ["any"]}'::jsonb
                WHEN 'action' THEN '{"ref": "string", "text": "string", "byWhen": "date?", "leads": ["string"],
                    "seniorResponsibleOfficer": "string?", "status": "status", "kpiText": "string", "kpis": ["string"],
                    "successCriteria": "string", "notes": [{"id": "string?", "date": "date", "author": "string", "text": "string"}]}'::jsonb
                WHEN 'risk' THEN pg_catalog.jsonb_build_object('ref', 'string', 'raised', 'date?', 'risk', 'string', 'owner', 'string',
                    'inherent', score, 'mitigation', 'string', 'residual', score, 'target', score, 'progress', 'string',
                    'reviewDate', 'date?', 'areas', '["int"]'::jsonb)
                WHEN 'kpi' THEN '{"ref": "string", "name": "string", "unit": "string", "better": "better",
                    "baseline": "any?", "comparator": "any?",
                    "milestones": [{"label": "string", "date": "date?", "target": "number?", "actual": "number?"}]}'::jsonb
                WHEN 'checkpoint' THEN pg_catalog.jsonb_build_object('name', 'string', 'date', 'date',
                    'actions', '[{"ref": "string", "status": "status"}]'::jsonb,
                    'risks', pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object('ref', 'string', 'inherent', score, 'residual', score, 'target', score)),
                    'kpis', '[{"ref": "string", "actuals": ["number?"]}]'::jsonb)
                WHEN 'meeting' THEN '{"name": "string", "date": "date", "checkpoint": "string?",
                    "byWhen": [{"ref": "string", "byWhen": "date?"}],
                    "highlights": [{"area": "int", "rag": "status?", "reason": "string", "progress": "string", "nextSteps": "string",
                                    "escalations": "string", "asks": "string"}],
                    "decisions": [{"number": "int", "text": "string", "owner": "string?", "due": "date?", "done": "bool",
                                   "link": "any?", "action": "string?"}]}'::jsonb
                ELSE NULL END;
            IF shape IS NULL THEN RETURN 'a part of kind "' || k || '" is not part of a plan'; END IF;
            p := planboard.shape_problem(j, shape, k);
            IF p IS NULL AND k = 'kpi' THEN
                IF j -> 'baseline' IS NOT NULL AND pg_catalog.jsonb_typeof(j -> 'baseline') <> 'null' THEN
                    p := planboard.shape_problem(j -> 'baseline', '{"value": "number", "date": "date?", "note": "string"}', 'kpi.baseline');
                END IF;
                IF p IS NULL AND j -> 'comparator' IS NOT NULL AND pg_catalog.jsonb_typeof(j -> 'comparator') <> 'null' THEN
                    p := planboard.shape_problem(j -> 'comparator', '{"label": "string", "value": "number"}', 'kpi.comparator');
                END IF;
            END IF;
            IF p IS NOT NULL THEN RETURN 'the ' || k || ' "' || ky || '": ' || p; END IF;
            IF (k IN ('action', 'risk', 'kpi') AND j ->> 'ref' IS DISTINCT FROM ky)
               OR (k IN ('checkpoint', 'meeting') AND j ->> 'name' IS DISTINCT FROM ky)
               OR (k = 'area' AND (j ->> 'number') IS DISTINCT FROM ky)
               OR (k IN ('header', 'settings', 'governance') AND ky <> '') THEN
                RETURN 'the ' || k || ' "' || ky || '" names another ' || k || ' inside';
            END IF;
            IF (k = 'action') <> (par IS NOT NULL) THEN
                RETURN 'the ' || k || ' "' || ky || '" ' || CASE WHEN k = 'action' THEN 'belongs to no area' ELSE 'cannot belong to an area' END;
            END IF;
            RETURN NULL;
        END $$;

        -- A KPI without its actuals: what an editor may not change.
        CREATE FUNCTION planboard.without_actuals(b jsonb) RETURNS jsonb
        LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
            SELECT pg_catalog.jsonb_set(b, '{milestones}', COALESCE(
                (SELECT pg_catalog.jsonb_agg(m.value - 'actual' ORDER BY m.ordinality)
                 FROM pg_catalog.jsonb_array_elements(b -> 'milestones') WITH ORDINALITY AS m), '[]'::jsonb))
        $$;

        -- The one way anyone but the owner changes the plan. kinds/keys/revs/parents/positions/
        -- bodies describe each part the change touches: revs holds the revision the caller read
        -- (-1: the part must not exist yet), bodies the part as it should be ('' removes it),
        -- parents '' for none. whole_base, when not NULL, is the plan's version the caller read,
        -- and the change is refused unless nobody wrote since (a checkpoint, an import).
        -- Returns the new log position and the server's time of the change.
        -- The caller's role when it may change the plan (an editor or a chair); refuses anyone else.
        CREATE FUNCTION planboard.writer_role() RETURNS text
        LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
            caller text := planboard.caller_role();
        BEGIN
            IF caller IS NULL OR caller = 'viewer' THEN
                RAISE EXCEPTION '% is %, and only an editor or a chair may change the plan; nothing was changed',
                    session_user, COALESCE('a ' || caller, 'not one of the plan''s people') USING ERRCODE = 'PB002';
            END IF;
            RETURN caller;
        END $$;

        CREATE FUNCTION planboard.apply(
            kinds text[], keys text[], revs bigint[], parents text[], positions integer[], bodies text[],
            whole_base bigint, plan_format text,
            log_kind text, log_target bigint, log_summary text, log_edit text, log_inverse text, log_token uuid)
        RETURNS TABLE (seq bigint, at text)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
            caller text := planboard.writer_role();
            n integer := COALESCE(pg_catalog.array_length(kinds, 1), 0);
            current_version bigint;
            current_format text;
            new_seq bigint;
            now_text text;
            i integer;
            found_rev bigint;
            found_body text;
            found_position integer;
            problem text;
            target_who text;
            target_kind text;
        BEGIN
            IF n <> COALESCE(pg_catalog.array_length(keys, 1), 0) OR n <> COALESCE(pg_catalog.array_length(revs, 1), 0)
               OR n <> COALESCE(pg_catalog.array_length(parents, 1), 0) OR n <> COALESCE(pg_catalog.array_length(positions, 1), 0)
               OR n <> COALESCE(pg_catalog.array_length(bodies, 1), 0) THEN
                RAISE EXCEPTION 'the change''s lists of parts differ in length; nothing was changed' USING ERRCODE = 'PB003';
            END IF;
            IF log_kind IS NULL OR log_kind NOT IN ('edit', 'undo', 'redo', 'import') THEN
                RAISE EXCEPTION 'a change-log line of kind "%" is not one planboard writes; expected edit, undo, redo or import', log_kind USING ERRCODE = 'PB003';
            END IF;
            IF log_kind = 'import' AND caller <> 'chair' THEN
                RAISE EXCEPTION '% is an editor, and only a chair may replace the whole plan; nothing was changed', session_user USING ERRCODE = 'PB002';
            END IF;
            IF log_summary IS NULL OR pg_catalog.length(log_summary) > 10000 THEN
                RAISE EXCEPTION 'a change needs a summary of at most 10,000 characters; nothing was changed' USING ERRCODE = 'PB003';
            END IF;
            IF log_kind = 'import' THEN
                IF log_edit IS NOT NULL OR log_inverse IS NOT NULL OR log_target IS NOT NULL THEN
                    RAISE EXCEPTION 'an import line carries no edit; nothing was changed' USING ERRCODE = 'PB003';
                END IF;
            ELSE
                IF log_edit IS NULL OR log_inverse IS NULL THEN
                    RAISE EXCEPTION 'a change needs its edit and the edit that undoes it; nothing was changed' USING ERRCODE = 'PB003';
                END IF;
                BEGIN
                    -- An edit is one of the model's cases: an object of one key.
                    IF pg_catalog.jsonb_typeof(log_edit::jsonb) <> 'object' OR pg_catalog.jsonb_typeof(log_inverse::jsonb) <> 'object'
                       OR (SELECT count(*) FROM pg_catalog.jsonb_object_keys(log_edit::jsonb)) <> 1
                       OR (SELECT count(*) FROM pg_catalog.jsonb_object_keys(log_inverse::jsonb)) <> 1 THEN
                        RAISE EXCEPTION 'not an edit';
                    END IF;
                EXCEPTION WHEN others THEN
                    RAISE EXCEPTION 'a change''s edit is not an edit planboard writes (a JSON object naming one edit); nothing was changed' USING ERRCODE = 'PB003';
                END;
            END IF;

            -- Nobody waits for ever behind a transaction left open (psql, or a client gone quiet).
            PERFORM pg_catalog.set_config('lock_timeout', '10s', true);
            SELECT p.version, p.format INTO current_version, current_format FROM planboard.plan p WHERE p.id = 1 FOR UPDATE;
            IF NOT FOUND THEN
                IF log_kind <> 'import' OR caller <> 'chair' THEN
                    RAISE EXCEPTION 'the database has no plan yet; a chair brings one in with planboard import or copy' USING ERRCODE = 'PB004';
                END IF;
                INSERT INTO planboard.plan (id, format, version) VALUES (1, plan_format, 0);
                current_version := 0;
                current_format := plan_format;
            END IF;
            IF current_format IS DISTINCT FROM plan_format THEN
                RAISE EXCEPTION 'the plan is in format "%", and this change was made for "%"; nothing was changed', current_format, plan_format USING ERRCODE = 'PB003';
            END IF;
            IF whole_base IS NOT NULL AND whole_base <> current_version THEN
                RAISE EXCEPTION 'the plan moved on (log position % is now %)', whole_base, current_version USING ERRCODE = 'PB001';
            END IF;
            IF log_kind IN ('undo', 'redo') THEN
                SELECT c.who, c.kind INTO target_who, target_kind FROM planboard.change c WHERE c.seq = log_target;
                IF NOT FOUND OR target_kind <> 'edit' OR target_who <> session_user THEN
                    RAISE EXCEPTION '% may % only their own changes; line % is not one of them', session_user, log_kind, log_target USING ERRCODE = 'PB002';
                END IF;
            ELSIF log_target IS NOT NULL THEN
                RAISE EXCEPTION 'only an undo or a redo names another line; nothing was changed' USING ERRCODE = 'PB003';
            END IF;
            new_seq := current_version + 1;

            -- Every check before any write.
            FOR i IN 1 .. n LOOP
                IF kinds[i] IS NULL OR keys[i] IS NULL OR revs[i] IS NULL OR bodies[i] IS NULL OR positions[i] IS NULL THEN
                    RAISE EXCEPTION 'part % of the change is incomplete; nothing was changed', i USING ERRCODE = 'PB003';
                END IF;
                IF caller <> 'chair' AND kinds[i] NOT IN ('action', 'risk', 'kpi') THEN
                    RAISE EXCEPTION '% is an editor: editors may change actions, notes, KPI actuals and risks, but this change touches the % "%", which only a chair may change; nothing was changed',
                        session_user, kinds[i], keys[i] USING ERRCODE = 'PB002';
                END IF;
                SELECT p.rev, p.body, p.position INTO found_rev, found_body, found_position
                    FROM planboard.part p WHERE p.kind = kinds[i] AND p.key = keys[i];
                IF (revs[i] < 0 AND FOUND) OR (revs[i] >= 0 AND (NOT FOUND OR found_rev <> revs[i])) THEN
                    RAISE EXCEPTION 'the % "%" changed since it was read', kinds[i], keys[i] USING ERRCODE = 'PB001';
                END IF;
                IF bodies[i] <> '' THEN
                    IF pg_catalog.octet_length(bodies[i]) > 64 * 1024 * 1024 THEN
                        RAISE EXCEPTION 'the % "%" is larger than 64 MB; nothing was changed', kinds[i], keys[i] USING ERRCODE = 'PB003';
                    END IF;
                    problem := planboard.part_problem(kinds[i], keys[i], NULLIF(parents[i], ''), bodies[i]);
                    IF problem IS NOT NULL THEN
                        RAISE EXCEPTION '%; nothing was changed', problem USING ERRCODE = 'PB003';
                    END IF;
                END IF;
                IF caller <> 'chair' AND kinds[i] = 'kpi' THEN
                    IF revs[i] < 0 OR bodies[i] = '' OR found_position <> positions[i]
                       OR planboard.without_actuals(found_body::jsonb) <> planboard.without_actuals(bodies[i]::jsonb) THEN
                        RAISE EXCEPTION '% is an editor: editors record KPI actuals, and only a chair may add, remove, rename or re-target the KPI "%"; nothing was changed',
                            session_user, keys[i] USING ERRCODE = 'PB002';
                    END IF;
                END IF;
            END LOOP;

            FOR i IN 1 .. n LOOP
                IF bodies[i] = '' THEN
                    DELETE FROM planboard.part p WHERE p.kind = kinds[i] AND p.key = keys[i];
                    INSERT INTO planboard.gone AS g (kind, key, rev) VALUES (kinds[i], keys[i], new_seq)
                        ON CONFLICT (kind, key) DO UPDATE SET rev = new_seq;
                END IF;
            END LOOP;
            FOR i IN 1 .. n LOOP
                IF bodies[i] <> '' THEN
                    INSERT INTO planboard.part AS p (kind, key, parent, position, body, rev)
                        VALUES (kinds[i], keys[i], NULLIF(parents[i], ''), positions[i], (bodies[i]::jsonb)::text, new_seq)
                        ON CONFLICT (kind, key) DO UPDATE SET parent = NULLIF(parents[i], ''), position = positions[i],
                            body = (bodies[i]::jsonb)::text, rev = new_seq;
                    DELETE FROM planboard.gone g WHERE g.kind = kinds[i] AND g.key = keys[i];
                END IF;
            END LOOP;
            IF EXISTS (SELECT 1 FROM planboard.part a WHERE a.kind = 'action' AND a.rev = new_seq
                       AND NOT EXISTS (SELECT 1 FROM planboard.part r WHERE r.kind = 'area' AND r.key = a.parent)) THEN
                RAISE EXCEPTION 'an action would belong to an area the plan does not have; nothing was changed' USING ERRCODE = 'PB003';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM planboard.part h WHERE h.kind = 'header') OR NOT EXISTS (SELECT 1 FROM planboard.part s WHERE s.kind = 'settings')
               OR NOT EXISTS (SELECT 1 FROM planboard.part g WHERE g.kind = 'governance') THEN
                RAISE EXCEPTION 'a plan needs its header, settings and governance; nothing was changed' USING ERRCODE = 'PB003';
            END IF;

            now_text := pg_catalog.to_char(pg_catalog.clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
            UPDATE planboard.plan p SET version = new_seq WHERE p.id = 1;
            INSERT INTO planboard.change (seq, at, who, kind, target, summary, edit, inverse, token)
                VALUES (new_seq, now_text, session_user, log_kind, log_target, log_summary, log_edit, log_inverse, log_token);
            PERFORM pg_catalog.pg_notify('planboard', new_seq::text);
            seq := new_seq;
            at := now_text;
            RETURN NEXT;
        END $$;

        -- Holds the plan's lock until the caller's transaction ends: the last try of a change
        -- whose parts keep moving under it (many people adding notes to one action at once).
        CREATE FUNCTION planboard.hold_plan() RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
        BEGIN
            PERFORM planboard.writer_role();
            PERFORM pg_catalog.set_config('lock_timeout', '10s', true);
            PERFORM 1 FROM planboard.plan p WHERE p.id = 1 FOR UPDATE;
        END $$;

        -- Everything a reader needs in one call: who the caller is and their role, the schema
        -- and plan versions ('me'), the parts written after after_rev (every part when it is -1)
        -- and those removed since ('gone'), and the log lines after log_after ('log'; none when
        -- it is -1). One statement, so it is one snapshot.
        CREATE FUNCTION planboard.snapshot(after_rev bigint, log_after bigint)
        RETURNS TABLE (what text, kind text, key text, parent text, "position" integer, body text, rev bigint,
                       who text, at text, target bigint, edit text, inverse text)
        LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
            SELECT 'me', session_user::text, planboard.caller_role(), m.value, NULL::integer, p.format, p.version,
                   NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::text
                FROM planboard.meta m LEFT JOIN planboard.plan p ON p.id = 1 WHERE m.key = 'schema_version'
            UNION ALL
            SELECT 'gone', g.kind, g.key, NULL, NULL, NULL, g.rev, NULL, NULL, NULL, NULL, NULL
                FROM planboard.gone g WHERE after_rev >= 0 AND g.rev > after_rev
            UNION ALL
            SELECT 'part', t.kind, t.key, t.parent, t.position, t.body, t.rev, NULL, NULL, NULL, NULL, NULL
                FROM planboard.part t WHERE t.rev > after_rev
            UNION ALL
            SELECT 'log', c.kind, NULL, NULL, NULL, c.summary, c.seq, c.who, c.at, c.target, c.edit, c.inverse
                FROM planboard.change c WHERE log_after >= 0 AND c.seq > log_after
        $$;

        -- Adds a person (a login) or changes their planboard role; see the type's comment.
        CREATE FUNCTION planboard.set_person(person text, new_role text, verifier text, must_be_new boolean)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
            found_role record;
        BEGIN
            IF planboard.caller_role() IS DISTINCT FROM 'chair' THEN
                RAISE EXCEPTION 'only a chair or the database''s owner may manage people; % is neither', session_user USING ERRCODE = '42501';
            END IF;
            IF new_role IS NULL OR new_role NOT IN ('viewer', 'editor', 'chair') THEN
                RAISE EXCEPTION 'no role called "%"; expected viewer, editor or chair', new_role USING ERRCODE = '22023';
            END IF;
            IF person IS NULL OR person = '' OR person IN ('planboard_viewer', 'planboard_editor', 'planboard_chair', 'public')
               OR pg_catalog.left(person, 3) = 'pg_' THEN
                RAISE EXCEPTION '"%" is one of planboard''s or PostgreSQL''s own roles, not a person; nothing was changed', person USING ERRCODE = '42501';
            END IF;
            SELECT r.oid, r.rolsuper, r.rolcreaterole, r.rolreplication, r.rolbypassrls, r.rolcanlogin INTO found_role
                FROM pg_catalog.pg_roles r WHERE r.rolname = person;
            IF FOUND THEN
                IF must_be_new THEN
                    RAISE EXCEPTION '% is already on the server; use people set-role to change their role', person USING ERRCODE = '42710';
                END IF;
                IF found_role.rolsuper OR found_role.rolcreaterole OR found_role.rolreplication OR found_role.rolbypassrls
                   OR person = current_user
                   OR EXISTS (SELECT 1 FROM pg_catalog.pg_database d WHERE d.datdba = found_role.oid)
                   OR EXISTS (SELECT 1 FROM pg_catalog.pg_namespace s WHERE s.nspname = 'planboard' AND s.nspowner = found_role.oid) THEN
                    RAISE EXCEPTION '% administers the server or a database (a superuser, a role that creates roles, or an owner); planboard never changes such a login; nothing was changed',
                        person USING ERRCODE = '42501';
                END IF;
                IF NOT found_role.rolcanlogin OR NOT EXISTS (
                    SELECT 1 FROM pg_catalog.pg_auth_members a JOIN pg_catalog.pg_roles g ON g.oid = a.roleid
                    WHERE a.member = found_role.oid AND g.rolname IN ('planboard_viewer', 'planboard_editor', 'planboard_chair')) THEN
                    RAISE EXCEPTION '% is a login planboard did not make and has no planboard role; planboard changes only its own people. The server''s administrator can grant a role; nothing was changed',
                        person USING ERRCODE = '42501';
                END IF;
                IF verifier IS NOT NULL THEN
                    RAISE EXCEPTION 'a password is set only when a person is added; % already has one (the server''s administrator changes it); nothing was changed', person USING ERRCODE = '42501';
                END IF;
            ELSE
                IF NOT must_be_new THEN
                    RAISE EXCEPTION 'there is nobody called % on the server; add them with people add', person USING ERRCODE = '42704';
                END IF;
                IF verifier IS NOT NULL AND verifier !~ '^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/]+=*\\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$' THEN
                    RAISE EXCEPTION 'a password reaches the server only as a SCRAM-SHA-256 verifier; nothing was changed' USING ERRCODE = '22023';
                END IF;
                IF verifier IS NULL THEN
                    EXECUTE pg_catalog.format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', person);
                ELSE
                    EXECUTE pg_catalog.format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L', person, verifier);
                END IF;
            END IF;
            EXECUTE pg_catalog.format('REVOKE planboard_viewer, planboard_editor, planboard_chair FROM %I', person);
            EXECUTE pg_catalog.format('GRANT %I TO %I', 'planboard_' || new_role, person);
        END $$;

        REVOKE ALL ON FUNCTION planboard.set_person(text, text, text, boolean) FROM PUBLIC;
        REVOKE ALL ON FUNCTION planboard.apply(text[], text[], bigint[], text[], integer[], text[], bigint, text, text, bigint, text, text, text, uuid) FROM PUBLIC;
        REVOKE ALL ON FUNCTION planboard.snapshot(bigint, bigint) FROM PUBLIC;
        REVOKE ALL ON FUNCTION planboard.hold_plan() FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION planboard.hold_plan() TO planboard_viewer;
        GRANT EXECUTE ON FUNCTION planboard.set_person(text, text, text, boolean) TO planboard_viewer;
        GRANT EXECUTE ON FUNCTION planboard.apply(text[], text[], bigint[], text[], integer[], text[], bigint, text, text, bigint, text, text, text, uuid) TO planboard_viewer;
        GRANT EXECUTE ON FUNCTION planboard.snapshot(bigint, bigint) TO planboard_viewer;
        GRANT EXECUTE ON FUNCTION planboard.role_of(name) TO planboard_viewer;
        GRANT EXECUTE ON FUNCTION planboard.caller_role() TO planboard_viewer;
        UPDATE planboard.meta SET value = '2' WHERE key = 'schema_version';
        """

    /// The steps from each schema version to the next: `migrations[v - 1]` takes v to v + 1.
    static let migrations = [toV2]
}
