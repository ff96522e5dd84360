import Foundation

/// The shared plan's tables, roles and rules, in the schema `planboard`.
///
/// **Why one table of parts.** The plan is held as one row per part: the header, settings
/// and governance, each area, each action (with its notes), each risk, each KPI (with its
/// milestones) and each checkpoint, keyed by kind and identity (area number, action or risk
/// reference, KPI reference, checkpoint name), with its position and its value as JSON
/// written by the model's own `Codable`. An edit rewrites only the parts it changed. This
/// keeps one reader and one writer for every part (so a new field in the model needs no
/// migration), and it is exactly the grain the roles need: row-level security decides by
/// `kind` who may insert, change or delete which part.
///
/// **Roles** are PostgreSQL roles, so the server enforces them for planboard and psql alike:
/// - `planboard_viewer` reads everything and changes nothing (no write grants at all);
/// - `planboard_editor` (a member of viewer) may write the parts `action`, `risk` and `kpi`
///   (actions and their notes, risks, KPI actuals) and append to the change log;
/// - `planboard_chair` (a member of editor) may write every part (areas, checkpoints,
///   meetings, the whole plan on import) and manage people.
/// Every change-log line is signed with `session_user`, the role the server authenticated;
/// a policy refuses any other name. Roles belong to the whole server (PostgreSQL's rule),
/// so two plans on one server share the three role names; people are added per server.
enum PostgresSchema {
    /// The schema this planboard writes; a database with a higher number is refused.
    static let version = 1

    static let editorKinds = ["action", "risk", "kpi"]

    /// Creates the roles if the server has none yet (they are server-wide).
    static let roles = """
        DO $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'planboard_viewer') THEN CREATE ROLE planboard_viewer NOLOGIN; END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'planboard_editor') THEN CREATE ROLE planboard_editor NOLOGIN; END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'planboard_chair') THEN CREATE ROLE planboard_chair NOLOGIN; END IF;
        END $$;
        GRANT planboard_viewer TO planboard_editor;
        GRANT planboard_editor TO planboard_chair;
        """

    /// Tables, grants, policies and the people functions; run in one transaction.
    static let tables = """
        CREATE SCHEMA planboard;
        REVOKE ALL ON SCHEMA planboard FROM PUBLIC;
        GRANT USAGE ON SCHEMA planboard TO planboard_viewer;

        CREATE TABLE planboard.meta (
            key text PRIMARY KEY,
            value text NOT NULL
        );
        INSERT INTO planboard.meta (key, value) VALUES ('schema_version', '\(version)');

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
            -- The log position that last wrote it, so a reader behind fetches only what changed.
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

        GRANT SELECT ON ALL TABLES IN SCHEMA planboard TO planboard_viewer;
        GRANT UPDATE ON planboard.plan TO planboard_editor;
        GRANT INSERT, UPDATE, DELETE ON planboard.part TO planboard_editor;
        GRANT INSERT ON planboard.change TO planboard_editor;
        GRANT INSERT ON planboard.plan TO planboard_chair;

        ALTER TABLE planboard.part ENABLE ROW LEVEL SECURITY;
        CREATE POLICY part_read ON planboard.part FOR SELECT TO planboard_viewer USING (true);
        CREATE POLICY part_editor_insert ON planboard.part FOR INSERT TO planboard_editor
            WITH CHECK (kind IN ('action', 'risk', 'kpi'));
        CREATE POLICY part_editor_update ON planboard.part FOR UPDATE TO planboard_editor
            USING (kind IN ('action', 'risk', 'kpi')) WITH CHECK (kind IN ('action', 'risk', 'kpi'));
        CREATE POLICY part_editor_delete ON planboard.part FOR DELETE TO planboard_editor
            USING (kind IN ('action', 'risk', 'kpi'));
        CREATE POLICY part_chair ON planboard.part FOR ALL TO planboard_chair USING (true) WITH CHECK (true);

        ALTER TABLE planboard.change ENABLE ROW LEVEL SECURITY;
        CREATE POLICY change_read ON planboard.change FOR SELECT TO planboard_viewer USING (true);
        CREATE POLICY change_signed ON planboard.change FOR INSERT TO planboard_editor WITH CHECK (who = session_user);

        ALTER TABLE planboard.plan ENABLE ROW LEVEL SECURITY;
        CREATE POLICY plan_read ON planboard.plan FOR SELECT TO planboard_viewer USING (true);
        CREATE POLICY plan_write ON planboard.plan FOR UPDATE TO planboard_editor USING (true) WITH CHECK (true);
        CREATE POLICY plan_create ON planboard.plan FOR INSERT TO planboard_chair WITH CHECK (true);

        -- The person's planboard role, from their role memberships.
        CREATE FUNCTION planboard.role_of(person name) RETURNS text LANGUAGE sql STABLE AS $$
            SELECT CASE
                WHEN pg_has_role(person, 'planboard_chair', 'MEMBER') THEN 'chair'
                WHEN pg_has_role(person, 'planboard_editor', 'MEMBER') THEN 'editor'
                WHEN pg_has_role(person, 'planboard_viewer', 'MEMBER') THEN 'viewer'
                ELSE NULL END
        $$;

        -- Adds a person (a login role) or changes their role. Names reach SQL only through
        -- format(%I) and %L, never by pasting. Anyone with a role may call it, so that it can
        -- say plainly that only a chair may manage people.
        CREATE FUNCTION planboard.set_person(person text, new_role text, new_password text, must_be_new boolean)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
        BEGIN
            IF NOT pg_has_role(session_user, 'planboard_chair', 'MEMBER') THEN
                RAISE EXCEPTION 'only a chair may manage people; % is not a chair', session_user USING ERRCODE = '42501';
            END IF;
            IF new_role NOT IN ('viewer', 'editor', 'chair') THEN
                RAISE EXCEPTION 'no role called "%"; expected viewer, editor or chair', new_role USING ERRCODE = '22023';
            END IF;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = person) THEN
                IF must_be_new THEN
                    RAISE EXCEPTION '% is already on the server; use people set-role to change their role', person USING ERRCODE = '42710';
                END IF;
                IF (SELECT rolsuper FROM pg_roles WHERE rolname = person) THEN
                    RAISE EXCEPTION '% is a server superuser, which may do anything; give the plan another person', person USING ERRCODE = '42501';
                END IF;
            ELSE
                IF NOT must_be_new THEN
                    RAISE EXCEPTION 'there is nobody called % on the server; add them with people add', person USING ERRCODE = '42704';
                END IF;
                EXECUTE format('CREATE ROLE %I LOGIN', person);
            END IF;
            IF new_password IS NOT NULL THEN
                EXECUTE format('ALTER ROLE %I PASSWORD %L', person, new_password);
            END IF;
            EXECUTE format('REVOKE planboard_viewer, planboard_editor, planboard_chair FROM %I', person);
            EXECUTE format('GRANT %I TO %I', 'planboard_' || new_role, person);
        END $$;
        REVOKE ALL ON FUNCTION planboard.set_person(text, text, text, boolean) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION planboard.set_person(text, text, text, boolean) TO planboard_viewer;
        GRANT EXECUTE ON FUNCTION planboard.role_of(name) TO planboard_viewer;
        """
}
