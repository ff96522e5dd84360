--
-- PostgreSQL database dump
--

\restrict T5heVvdlA5KGfq0gp8029JLBuWeSlNUgohBQqdcvtDQGiEgXq32Uk8C4QTO4kR8

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: planboard; Type: SCHEMA; Schema: -; Owner: planadmin
--

CREATE SCHEMA planboard;


ALTER SCHEMA planboard OWNER TO planadmin;

--
-- Name: role_of(name); Type: FUNCTION; Schema: planboard; Owner: planadmin
--

CREATE FUNCTION planboard.role_of(person name) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT CASE
        WHEN pg_has_role(person, 'planboard_chair', 'MEMBER') THEN 'chair'
        WHEN pg_has_role(person, 'planboard_editor', 'MEMBER') THEN 'editor'
        WHEN pg_has_role(person, 'planboard_viewer', 'MEMBER') THEN 'viewer'
        ELSE NULL END
$$;


ALTER FUNCTION planboard.role_of(person name) OWNER TO planadmin;

--
-- Name: set_person(text, text, text, boolean); Type: FUNCTION; Schema: planboard; Owner: planadmin
--

CREATE FUNCTION planboard.set_person(person text, new_role text, new_password text, must_be_new boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog'
    AS $$
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


ALTER FUNCTION planboard.set_person(person text, new_role text, new_password text, must_be_new boolean) OWNER TO planadmin;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: change; Type: TABLE; Schema: planboard; Owner: planadmin
--

CREATE TABLE planboard.change (
    seq bigint NOT NULL,
    at text NOT NULL,
    who text DEFAULT SESSION_USER NOT NULL,
    kind text NOT NULL,
    target bigint,
    summary text NOT NULL,
    edit text,
    inverse text,
    token uuid,
    CONSTRAINT change_kind_check CHECK ((kind = ANY (ARRAY['edit'::text, 'undo'::text, 'redo'::text, 'import'::text])))
);


ALTER TABLE planboard.change OWNER TO planadmin;

--
-- Name: meta; Type: TABLE; Schema: planboard; Owner: planadmin
--

CREATE TABLE planboard.meta (
    key text NOT NULL,
    value text NOT NULL
);


ALTER TABLE planboard.meta OWNER TO planadmin;

--
-- Name: part; Type: TABLE; Schema: planboard; Owner: planadmin
--

CREATE TABLE planboard.part (
    kind text NOT NULL,
    key text NOT NULL,
    parent text,
    "position" integer NOT NULL,
    body text NOT NULL,
    rev bigint DEFAULT 0 NOT NULL,
    CONSTRAINT part_kind_check CHECK ((kind = ANY (ARRAY['header'::text, 'settings'::text, 'governance'::text, 'area'::text, 'action'::text, 'risk'::text, 'kpi'::text, 'checkpoint'::text, 'meeting'::text])))
);


ALTER TABLE planboard.part OWNER TO planadmin;

--
-- Name: plan; Type: TABLE; Schema: planboard; Owner: planadmin
--

CREATE TABLE planboard.plan (
    id integer NOT NULL,
    format text NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    CONSTRAINT plan_id_check CHECK ((id = 1))
);


ALTER TABLE planboard.plan OWNER TO planadmin;

--
-- Data for Name: change; Type: TABLE DATA; Schema: planboard; Owner: planadmin
--

INSERT INTO planboard.change (seq, at, who, kind, target, summary, edit, inverse, token) VALUES (1, '2026-12-07T01:32:39.923Z', 'planadmin', 'import', NULL, 'imported fictional-five-areas.json', NULL, NULL, NULL);
INSERT INTO planboard.change (seq, at, who, kind, target, summary, edit, inverse, token) VALUES (2, '2026-12-07T01:32:40.063Z', 'jackie', 'edit', NULL, 'meeting “Board 2023-09-12” (12 Sep 2023)', '{"meeting":{"_0":{"addMeeting":{"_0":{"byWhen":[],"date":"2023-09-12","decisions":[],"highlights":[],"name":"Board 2023-09-12"}}}}}', '{"meeting":{"_0":{"removeMeeting":{"_0":{"byWhen":[],"date":"2023-09-12","decisions":[],"highlights":[],"name":"Board 2023-09-12"}}}}}', '64f34d8d-e6bb-4eb3-8b10-5b66bd646ccc');
INSERT INTO planboard.change (seq, at, who, kind, target, summary, edit, inverse, token) VALUES (3, '2026-12-07T01:32:40.096Z', 'sam', 'edit', NULL, '1a status Complete → Green', '{"setAction":{"field":"status","from":{"status":{"_0":"complete"}},"ref":"1a","to":{"status":{"_0":"green"}}}}', '{"setAction":{"field":"status","from":{"status":{"_0":"green"}},"ref":"1a","to":{"status":{"_0":"complete"}}}}', '92322e75-0d45-4ece-acfa-489eb142056f');
INSERT INTO planboard.change (seq, at, who, kind, target, summary, edit, inverse, token) VALUES (4, '2026-12-07T01:32:40.122Z', 'sam', 'edit', NULL, 'note on 1b: Recruitment paused; 1b status Amber → Red', '{"batch":{"_0":[{"addNote":{"note":{"author":"sam","date":"2023-08-15","id":"3fc1445c24c968ed","text":"Recruitment paused"},"ref":"1b"}},{"setAction":{"field":"status","from":{"status":{"_0":"amber"}},"ref":"1b","to":{"status":{"_0":"red"}}}}]}}', '{"batch":{"_0":[{"setAction":{"field":"status","from":{"status":{"_0":"red"}},"ref":"1b","to":{"status":{"_0":"amber"}}}},{"removeNote":{"note":{"author":"sam","date":"2023-08-15","id":"3fc1445c24c968ed","text":"Recruitment paused"},"ref":"1b"}}]}}', '1a518fd1-0c92-4a1f-a169-ffc1b9e69930');
INSERT INTO planboard.change (seq, at, who, kind, target, summary, edit, inverse, token) VALUES (5, '2026-12-07T01:32:40.159Z', 'sam', 'edit', NULL, 'note on 1c.i: Met the school leads', '{"addNote":{"note":{"author":"sam","date":"2023-08-15","id":"b6093d689ba2f769","text":"Met the school leads"},"ref":"1c.i"}}', '{"removeNote":{"note":{"author":"sam","date":"2023-08-15","id":"b6093d689ba2f769","text":"Met the school leads"},"ref":"1c.i"}}', 'a0a397af-ff2c-4c5b-b4ce-831a08bdfd65');
INSERT INTO planboard.change (seq, at, who, kind, target, summary, edit, inverse, token) VALUES (6, '2026-12-07T01:32:40.192Z', 'sam', 'edit', NULL, '2a by-when 31 May 2023 → 31 Jan 2024', '{"setAction":{"field":"byWhen","from":{"date":{"_0":"2023-05-31"}},"ref":"2a","to":{"date":{"_0":"2024-01-31"}}}}', '{"setAction":{"field":"byWhen","from":{"date":{"_0":"2024-01-31"}},"ref":"2a","to":{"date":{"_0":"2023-05-31"}}}}', 'dd2e34b4-2c5c-4d24-b839-110cd513b2f0');
INSERT INTO planboard.change (seq, at, who, kind, target, summary, edit, inverse, token) VALUES (7, '2026-12-07T01:32:40.224Z', 'sam', 'undo', 6, 'Undid: 2a by-when 31 May 2023 → 31 Jan 2024 (back to 31 May 2023)', '{"setAction":{"field":"byWhen","from":{"date":{"_0":"2024-01-31"}},"ref":"2a","to":{"date":{"_0":"2023-05-31"}}}}', '{"setAction":{"field":"byWhen","from":{"date":{"_0":"2023-05-31"}},"ref":"2a","to":{"date":{"_0":"2024-01-31"}}}}', '56995cc1-312f-44db-8ee5-2f5490f41f1f');
INSERT INTO planboard.change (seq, at, who, kind, target, summary, edit, inverse, token) VALUES (8, '2026-12-07T01:32:40.256Z', 'jackie', 'edit', NULL, 'area 1 highlight for “Board 2023-09-12”', '{"meeting":{"_0":{"setHighlight":{"area":1,"meeting":"Board 2023-09-12","to":{"area":1,"asks":"","escalations":"","nextSteps":"","progress":"Leads met","rag":"amber","reason":"Red waits on recruitment"}}}}}', '{"meeting":{"_0":{"setHighlight":{"area":1,"from":{"area":1,"asks":"","escalations":"","nextSteps":"","progress":"Leads met","rag":"amber","reason":"Red waits on recruitment"},"meeting":"Board 2023-09-12"}}}}', '4515cc7c-01bf-4edf-8fd0-7f23755adda9');
INSERT INTO planboard.change (seq, at, who, kind, target, summary, edit, inverse, token) VALUES (9, '2026-12-07T01:32:40.282Z', 'jackie', 'edit', NULL, 'checkpoint “Board 2023-09-12” (12 Sep 2023); recorded meeting “Board 2023-09-12” as checkpoint “Board 2023-09-12”', '{"batch":{"_0":[{"addCheckpoint":{"_0":{"actions":[{"ref":"1a","status":"green"},{"ref":"1b","status":"red"},{"ref":"1c.i","status":"green"},{"ref":"1c.ii","status":"not-started"},{"ref":"2a","status":"complete"},{"ref":"2b.i","status":"red"},{"ref":"2b.ii","status":"amber"},{"ref":"2c","status":"green"},{"ref":"2d","status":"green"},{"ref":"2e","status":"not-started"},{"ref":"3a","status":"amber"},{"ref":"3b","status":"green"},{"ref":"3c","status":"red"},{"ref":"4a","status":"complete"},{"ref":"4b","status":"complete"},{"ref":"4c","status":"complete"},{"ref":"4d","status":"green"},{"ref":"4e","status":"amber"},{"ref":"4f","status":"green"},{"ref":"4g","status":"not-started"},{"ref":"4h","status":"not-started"},{"ref":"5a","status":"red"},{"ref":"5b.i","status":"green"},{"ref":"5b.ii","status":"amber"},{"ref":"5b.iii","status":"complete"},{"ref":"5c","status":"not-started"}],"date":"2023-09-12","kpis":[{"actuals":[16,null,null],"ref":"K1"},{"actuals":[38,null,null],"ref":"K2"},{"actuals":[48,null,null],"ref":"K3"},{"actuals":[null,null,null],"ref":"K4"}],"name":"Board 2023-09-12","risks":[{"inherent":{"impact":4,"likelihood":5},"ref":"R1","residual":{"impact":4,"likelihood":4},"target":{"impact":3,"likelihood":2}},{"inherent":{"impact":5,"likelihood":4},"ref":"R2","residual":{"impact":4,"likelihood":3},"target":{"impact":4,"likelihood":2}},{"inherent":{"impact":4,"likelihood":3},"ref":"R3","residual":{"impact":4,"likelihood":3},"target":{"impact":4,"likelihood":1}},{"inherent":{"impact":3,"likelihood":4},"ref":"R4","residual":{"impact":3,"likelihood":3},"target":{"impact":2,"likelihood":1}},{"inherent":{"impact":3,"likelihood":2},"ref":"R5","residual":{"impact":3,"likelihood":1},"target":{"impact":2,"likelihood":1}},{"inherent":{"impact":3,"likelihood":3},"ref":"R6","residual":{"impact":2,"likelihood":2},"target":{"impact":1,"likelihood":1}}]}}},{"meeting":{"_0":{"setMeeting":{"from":{"byWhen":[],"date":"2023-09-12","name":"Board 2023-09-12"},"name":"Board 2023-09-12","to":{"byWhen":[{"byWhen":"2023-06-30","ref":"1a"},{"byWhen":"2023-09-29","ref":"1b"},{"byWhen":"2023-12-15","ref":"1c.i"},{"byWhen":"2024-03-29","ref":"1c.ii"},{"byWhen":"2023-05-31","ref":"2a"},{"byWhen":"2023-07-31","ref":"2b.i"},{"byWhen":"2023-10-31","ref":"2b.ii"},{"byWhen":"2023-09-15","ref":"2c"},{"byWhen":"2023-08-31","ref":"2d"},{"ref":"2e"},{"byWhen":"2023-12-15","ref":"3a"},{"byWhen":"2024-03-29","ref":"3b"},{"byWhen":"2023-11-30","ref":"3c"},{"byWhen":"2023-04-28","ref":"4a"},{"byWhen":"2023-06-30","ref":"4b"},{"byWhen":"2023-05-31","ref":"4c"},{"byWhen":"2023-10-31","ref":"4d"},{"byWhen":"2023-09-29","ref":"4e"},{"byWhen":"2024-01-31","ref":"4f"},{"byWhen":"2023-12-15","ref":"4g"},{"byWhen":"2024-02-29","ref":"4h"},{"byWhen":"2023-06-30","ref":"5a"},{"byWhen":"2023-09-01","ref":"5b.i"},{"byWhen":"2023-09-01","ref":"5b.ii"},{"byWhen":"2023-09-01","ref":"5b.iii"},{"byWhen":"2024-03-29","ref":"5c"}],"checkpoint":"Board 2023-09-12","date":"2023-09-12","name":"Board 2023-09-12"}}}}}]}}', '{"batch":{"_0":[{"meeting":{"_0":{"setMeeting":{"from":{"byWhen":[{"byWhen":"2023-06-30","ref":"1a"},{"byWhen":"2023-09-29","ref":"1b"},{"byWhen":"2023-12-15","ref":"1c.i"},{"byWhen":"2024-03-29","ref":"1c.ii"},{"byWhen":"2023-05-31","ref":"2a"},{"byWhen":"2023-07-31","ref":"2b.i"},{"byWhen":"2023-10-31","ref":"2b.ii"},{"byWhen":"2023-09-15","ref":"2c"},{"byWhen":"2023-08-31","ref":"2d"},{"ref":"2e"},{"byWhen":"2023-12-15","ref":"3a"},{"byWhen":"2024-03-29","ref":"3b"},{"byWhen":"2023-11-30","ref":"3c"},{"byWhen":"2023-04-28","ref":"4a"},{"byWhen":"2023-06-30","ref":"4b"},{"byWhen":"2023-05-31","ref":"4c"},{"byWhen":"2023-10-31","ref":"4d"},{"byWhen":"2023-09-29","ref":"4e"},{"byWhen":"2024-01-31","ref":"4f"},{"byWhen":"2023-12-15","ref":"4g"},{"byWhen":"2024-02-29","ref":"4h"},{"byWhen":"2023-06-30","ref":"5a"},{"byWhen":"2023-09-01","ref":"5b.i"},{"byWhen":"2023-09-01","ref":"5b.ii"},{"byWhen":"2023-09-01","ref":"5b.iii"},{"byWhen":"2024-03-29","ref":"5c"}],"checkpoint":"Board 2023-09-12","date":"2023-09-12","name":"Board 2023-09-12"},"name":"Board 2023-09-12","to":{"byWhen":[],"date":"2023-09-12","name":"Board 2023-09-12"}}}}},{"removeCheckpoint":{"_0":{"actions":[{"ref":"1a","status":"green"},{"ref":"1b","status":"red"},{"ref":"1c.i","status":"green"},{"ref":"1c.ii","status":"not-started"},{"ref":"2a","status":"complete"},{"ref":"2b.i","status":"red"},{"ref":"2b.ii","status":"amber"},{"ref":"2c","status":"green"},{"ref":"2d","status":"green"},{"ref":"2e","status":"not-started"},{"ref":"3a","status":"amber"},{"ref":"3b","status":"green"},{"ref":"3c","status":"red"},{"ref":"4a","status":"complete"},{"ref":"4b","status":"complete"},{"ref":"4c","status":"complete"},{"ref":"4d","status":"green"},{"ref":"4e","status":"amber"},{"ref":"4f","status":"green"},{"ref":"4g","status":"not-started"},{"ref":"4h","status":"not-started"},{"ref":"5a","status":"red"},{"ref":"5b.i","status":"green"},{"ref":"5b.ii","status":"amber"},{"ref":"5b.iii","status":"complete"},{"ref":"5c","status":"not-started"}],"date":"2023-09-12","kpis":[{"actuals":[16,null,null],"ref":"K1"},{"actuals":[38,null,null],"ref":"K2"},{"actuals":[48,null,null],"ref":"K3"},{"actuals":[null,null,null],"ref":"K4"}],"name":"Board 2023-09-12","risks":[{"inherent":{"impact":4,"likelihood":5},"ref":"R1","residual":{"impact":4,"likelihood":4},"target":{"impact":3,"likelihood":2}},{"inherent":{"impact":5,"likelihood":4},"ref":"R2","residual":{"impact":4,"likelihood":3},"target":{"impact":4,"likelihood":2}},{"inherent":{"impact":4,"likelihood":3},"ref":"R3","residual":{"impact":4,"likelihood":3},"target":{"impact":4,"likelihood":1}},{"inherent":{"impact":3,"likelihood":4},"ref":"R4","residual":{"impact":3,"likelihood":3},"target":{"impact":2,"likelihood":1}},{"inherent":{"impact":3,"likelihood":2},"ref":"R5","residual":{"impact":3,"likelihood":1},"target":{"impact":2,"likelihood":1}},{"inherent":{"impact":3,"likelihood":3},"ref":"R6","residual":{"impact":2,"likelihood":2},"target":{"impact":1,"likelihood":1}}]}}}]}}', '10d0b709-28e1-4f86-8e28-0e3c95d0d2e2');
INSERT INTO planboard.change (seq, at, who, kind, target, summary, edit, inverse, token) VALUES (10, '2026-12-07T01:32:40.313Z', 'sam', 'edit', NULL, 'note on 2b.i: Late data; 2b.i status Red → Amber', '{"batch":{"_0":[{"addNote":{"note":{"author":"sam","date":"2023-08-15","id":"2948ae911d69b833","text":"Late data"},"ref":"2b.i"}},{"setAction":{"field":"status","from":{"status":{"_0":"red"}},"ref":"2b.i","to":{"status":{"_0":"amber"}}}}]}}', '{"batch":{"_0":[{"setAction":{"field":"status","from":{"status":{"_0":"amber"}},"ref":"2b.i","to":{"status":{"_0":"red"}}}},{"removeNote":{"note":{"author":"sam","date":"2023-08-15","id":"2948ae911d69b833","text":"Late data"},"ref":"2b.i"}}]}}', '95949a48-ad47-491c-820c-10adbcd329c7');


--
-- Data for Name: meta; Type: TABLE DATA; Schema: planboard; Owner: planadmin
--

INSERT INTO planboard.meta (key, value) VALUES ('schema_version', '1');


--
-- Data for Name: part; Type: TABLE DATA; Schema: planboard; Owner: planadmin
--

INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '1c.ii', '1', 3, '{"byWhen":"2024-03-29","kpiText":"","kpis":["K2"],"leads":["Priya Anand"],"notes":[],"ref":"1c.ii","status":"not-started","successCriteria":"","text":"Review speech and language therapy contracts – south locality."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '2b.ii', '2', 2, '{"byWhen":"2023-10-31","kpiText":"","kpis":["K2"],"leads":["Priya Anand","Owen Bryce"],"notes":[{"author":"Owen Bryce","date":"2023-08-09","id":"74716d50424993ae","text":"Amber: procurement route agreed but the tender has slipped by a month."}],"ref":"2b.ii","seniorResponsibleOfficer":"Siân Kerrow","status":"amber","successCriteria":"","text":"Commission additional OT capacity from the independent sector – up to £180,000."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '2c', '2', 3, '{"byWhen":"2023-09-15","kpiText":"Families report feeling supported (survey).","kpis":["K4"],"leads":["Priya Anand"],"notes":[{"author":"Priya Anand","date":"2023-06-06","id":"6fab3d8ce307aa60","text":"First drop-in held in Ashby Vale; 34 families attended."}],"ref":"2c","status":"green","successCriteria":"","text":"Launch a ‘waiting well’ offer: drop-in advice, sensory packs, parent workshops."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '2d', '2', 4, '{"byWhen":"2023-08-31","kpiText":"","kpis":[],"leads":["Priya Anand"],"notes":[],"ref":"2d","status":"green","successCriteria":"","text":"Triage every referral within 10 working days."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '2e', '2', 5, '{"kpiText":"","kpis":[],"leads":["Priya Anand"],"notes":[],"ref":"2e","status":"not-started","successCriteria":"","text":"Report waiting-time trends to the partnership board each quarter."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '3a', '3', 0, '{"byWhen":"2023-12-15","kpiText":"Audit of Year 9+ reviews.","kpis":["K3"],"leads":["Tomás Reyes"],"notes":[{"author":"Tomás Reyes","date":"2023-07-10","id":"eb1b56eb9873e962","text":"Amber: audit shows 48%; template change waiting for the IT release."}],"ref":"3a","status":"amber","successCriteria":"90% of Year 9+ reviews include adulthood outcomes.","text":"Embed preparation-for-adulthood outcomes in every annual review from Year 9."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '3b', '3', 1, '{"byWhen":"2024-03-29","kpiText":"","kpis":[],"leads":["Tomás Reyes"],"notes":[{"author":"Tomás Reyes","date":"2023-06-21","id":"9ca348c56e152956","text":"Second college signed up; 12 places for September."}],"ref":"3b","status":"green","successCriteria":"","text":"Expand supported internships to all three colleges."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '3c', '3', 2, '{"byWhen":"2023-11-30","kpiText":"","kpis":[],"leads":["Siân Kerrow"],"notes":[{"author":"Siân Kerrow","date":"2023-08-01","id":"1ffeed407830516f","text":"Red: adult mental health services have not agreed the protocol; escalated to the ICB."}],"ref":"3c","seniorResponsibleOfficer":"Siân Kerrow","status":"red","successCriteria":"","text":"Agree a health transition protocol with adult services, including a named worker at 17½."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '4a', '4', 0, '{"byWhen":"2023-04-28","kpiText":"","kpis":[],"leads":["Tomás Reyes"],"notes":[{"author":"Tomás Reyes","date":"2023-04-25","id":"ad76de87a6c2c178","text":"Charter signed at the forum’s annual meeting."}],"ref":"4a","seniorResponsibleOfficer":"Dr Amélie Hartwell","status":"complete","successCriteria":"","text":"Agree a co-production charter with the Northmoor Parent Carer Forum."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '4b', '4', 1, '{"byWhen":"2023-06-30","kpiText":"","kpis":["K4"],"leads":["Tomás Reyes"],"notes":[{"author":"Tomás Reyes","date":"2023-06-29","id":"e4b3541fa1257e28","text":"First update published and sent to 1,240 families."}],"ref":"4b","status":"complete","successCriteria":"","text":"Publish ‘you said, we did’ updates every quarter."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '4c', '4', 2, '{"byWhen":"2023-05-31","kpiText":"","kpis":[],"leads":["Owen Bryce"],"notes":[],"ref":"4c","status":"complete","successCriteria":"","text":"Fund forum participation – £25,000 a year for three years."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '4d', '4', 3, '{"byWhen":"2023-10-31","kpiText":"","kpis":[],"leads":["Tomás Reyes"],"notes":[{"author":"Tomás Reyes","date":"2023-07-27","id":"a3c37c07922816ec","text":"Polish, Romanian, Arabic and Urdu pages done; Chinese (中文) in proof."}],"ref":"4d","status":"green","successCriteria":"","text":"Translate key Local Offer pages into the five most-spoken community languages."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '4e', '4', 4, '{"byWhen":"2023-09-29","kpiText":"","kpis":[],"leads":["Tomás Reyes"],"notes":[{"author":"Tomás Reyes","date":"2023-08-16","id":"93f4ba5e717ab3a4","text":"Amber: panel has four members against a target of twelve; recruitment through schools in September."}],"ref":"4e","status":"amber","successCriteria":"","text":"Young people’s panel to review every new leaflet – “nothing about us without us”."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '4f', '4', 5, '{"byWhen":"2024-01-31","kpiText":"","kpis":[],"leads":["Tomás Reyes","Priya Anand"],"notes":[],"ref":"4f","status":"green","successCriteria":"","text":"Train all SEND staff in person-centred practice."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '4g', '4', 6, '{"byWhen":"2023-12-15","kpiText":"","kpis":[],"leads":["Owen Bryce"],"notes":[],"ref":"4g","status":"not-started","successCriteria":"","text":"Include a parent representative on every commissioning panel."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '1c.i', '1', 2, '{"byWhen":"2023-12-15","kpiText":"","kpis":["K2"],"leads":["Priya Anand"],"notes":[{"author":"Priya Anand","date":"2023-07-19","id":"fed7ebeac7f947c4","text":"Contract data collected; provider engaged."},{"author":"sam","date":"2023-08-15","id":"b6093d689ba2f769","text":"Met the school leads"}],"ref":"1c.i","status":"green","successCriteria":"","text":"Review speech and language therapy contracts – north locality."}', 5);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '2b.i', '2', 1, '{"byWhen":"2023-07-31","kpiText":"","kpis":["K2"],"leads":["Priya Anand"],"notes":[{"author":"Priya Anand","date":"2023-04-11","id":"76dd3aec256f21ce","text":"Adverts out twice."},{"author":"Priya Anand","date":"2023-08-02","id":"9d28e8fe8c72b6f2","text":"Red: no appointable candidates; agency cost £1,150 a week per therapist is over budget."},{"author":"sam","date":"2023-08-15","id":"2948ae911d69b833","text":"Late data"}],"ref":"2b.i","seniorResponsibleOfficer":"Siân Kerrow","status":"amber","successCriteria":"","text":"Recruit two band 6 occupational therapists."}', 10);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '2a', '2', 0, '{"byWhen":"2023-05-31","kpiText":"Waiting times published monthly.","kpis":["K2"],"leads":["Priya Anand"],"notes":[{"author":"Priya Anand","date":"2023-05-24","id":"03600f2f37f965e3","text":"Published; updated on the first working day of each month."}],"ref":"2a","status":"complete","successCriteria":"","text":"Publish expected waiting times for every therapy on the Local Offer."}', 7);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '4h', '4', 7, '{"byWhen":"2024-02-29","kpiText":"Survey response rate.","kpis":["K4"],"leads":["Tomás Reyes"],"notes":[],"ref":"4h","status":"not-started","successCriteria":"","text":"Run an annual co-production survey (including café-style sessions in each locality)."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '5a', '5', 0, '{"byWhen":"2023-06-30","kpiText":"","kpis":["K1"],"leads":["Owen Bryce"],"notes":[{"author":"Owen Bryce","date":"2023-03-14","id":"b48734564e949af7","text":"Recording form issued to all schools."},{"author":"Owen Bryce","date":"2023-07-04","id":"dba9661061fd3985","text":"Red: only 61% of schools returning data; academies’ trust leads to be written to by the DCS."}],"ref":"5a","seniorResponsibleOfficer":"Dr Amélie Hartwell","status":"red","successCriteria":"","text":"Record every part-time timetable centrally and review each one within 6 weeks."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '5b.i', '5', 1, '{"byWhen":"2023-09-01","kpiText":"","kpis":["K1"],"leads":["Owen Bryce"],"notes":[],"ref":"5b.i","status":"green","successCriteria":"","text":"Specialist outreach – autism."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '5b.ii', '5', 2, '{"byWhen":"2023-09-01","kpiText":"","kpis":["K1"],"leads":["Owen Bryce"],"notes":[{"author":"Owen Bryce","date":"2023-08-10","id":"302d1347c1e6baed","text":"Amber: one of three outreach posts filled."}],"ref":"5b.ii","status":"amber","successCriteria":"","text":"Specialist outreach – social, emotional and mental health."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '5b.iii', '5', 3, '{"byWhen":"2023-09-01","kpiText":"","kpis":[],"leads":["Owen Bryce"],"notes":[],"ref":"5b.iii","status":"complete","successCriteria":"","text":"Specialist outreach – sensory (hearing and vision)."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '5c', '5', 4, '{"byWhen":"2024-03-29","kpiText":"","kpis":["K1"],"leads":["Owen Bryce"],"notes":[],"ref":"5c","status":"not-started","successCriteria":"","text":"Inclusion charter for all schools, with a £500 inclusion award for early adopters."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('area', '1', NULL, 0, '{"actions":[],"findings":[{"letter":"a","text":"There is no shared needs analysis across education, health and care."},{"letter":"b","text":"Commissioners cannot say what £4.2m of jointly funded services achieve."},{"letter":"c","text":"Speech and language therapy is commissioned differently in the north and south of the area."}],"findingsSource":"From the revisit report, March ’23:","number":1,"title":"Joint commissioning","weakness":"Leaders’ joint commissioning arrangements are underdeveloped, so services do not reflect the needs of children and young people with SEND."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('area', '2', NULL, 1, '{"actions":[],"findings":[{"letter":"a","text":"Waits for occupational therapy exceed 52 weeks for 30% of referrals."},{"letter":"b","text":"Families are not told how long they are likely to wait."},{"letter":"c","text":"There is no ‘waiting well’ offer."}],"findingsSource":"From the revisit report, March ’23:","number":2,"title":"Therapy waiting times","weakness":"Children and young people wait too long for therapies, and families receive little support while they wait."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('area', '3', NULL, 2, '{"actions":[],"findings":[{"letter":"a","text":"Annual reviews from Year 9 rarely consider adulthood outcomes."},{"letter":"b","text":"Supported internships are available in only one college."},{"letter":"c","text":"Health transition from children’s to adult services is unplanned for many young people."},{"letter":"d","text":"Young people say they are not listened to."},{"letter":"e","text":"Careers advice does not take account of SEND."}],"findingsSource":"From the revisit report, March ’23:","number":3,"title":"Preparation for adulthood","weakness":"Young people’s preparation for adulthood is weak; too few have clear pathways into employment, independent living and good health."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('area', '4', NULL, 3, '{"actions":[],"findings":[{"letter":"a","text":"The parent carer forum is consulted late, after decisions are made."},{"letter":"b","text":"Families whose first language is not English are under-represented."},{"letter":"c","text":"Feedback is collected but families do not hear what happened as a result."}],"findingsSource":"From the revisit report, March ’23:","number":4,"title":"Co-production with families","weakness":"Co-production with parents, carers and young people is not embedded at a strategic or individual level."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('area', '5', NULL, 4, '{"actions":[],"findings":[{"letter":"a","text":"Permanent exclusions of pupils with EHC plans are twice the national rate."},{"letter":"b","text":"Part-time timetables are not recorded centrally."},{"letter":"c","text":"Schools say they lack access to specialist outreach."}],"findingsSource":"From the revisit report, March ’23:","number":5,"title":"Inclusion in mainstream schools","weakness":"Too many children and young people with SEND are excluded from mainstream schools or placed on part-time timetables, and the area does not know how many."}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('checkpoint', 'Board 2023-07-05', NULL, 0, '{"actions":[{"ref":"1a","status":"green"},{"ref":"1b","status":"green"},{"ref":"1c.i","status":"green"},{"ref":"1c.ii","status":"not-started"},{"ref":"2a","status":"complete"},{"ref":"2b.i","status":"amber"},{"ref":"2b.ii","status":"not-started"},{"ref":"2c","status":"not-started"},{"ref":"2d","status":"green"},{"ref":"2e","status":"not-started"},{"ref":"3a","status":"green"},{"ref":"3b","status":"green"},{"ref":"3c","status":"amber"},{"ref":"4a","status":"complete"},{"ref":"4b","status":"complete"},{"ref":"4c","status":"complete"},{"ref":"4d","status":"green"},{"ref":"4e","status":"green"},{"ref":"4f","status":"green"},{"ref":"4g","status":"not-started"},{"ref":"4h","status":"not-started"},{"ref":"5a","status":"amber"},{"ref":"5b.i","status":"green"},{"ref":"5b.ii","status":"green"},{"ref":"5b.iii","status":"complete"},{"ref":"5c","status":"not-started"}],"date":"2023-07-05","kpis":[{"actuals":[16,null,null],"ref":"K1"},{"actuals":[38,null,null],"ref":"K2"},{"actuals":[null,null,null],"ref":"K3"},{"actuals":[null,null,null],"ref":"K4"}],"name":"Board 2023-07-05","risks":[{"inherent":{"impact":4,"likelihood":5},"ref":"R1","residual":{"impact":4,"likelihood":5},"target":{"impact":3,"likelihood":2}},{"inherent":{"impact":5,"likelihood":4},"ref":"R2","residual":{"impact":4,"likelihood":3},"target":{"impact":4,"likelihood":2}},{"inherent":{"impact":4,"likelihood":3},"ref":"R3","residual":{"impact":4,"likelihood":3},"target":{"impact":4,"likelihood":1}},{"inherent":{"impact":3,"likelihood":4},"ref":"R4","residual":{"impact":3,"likelihood":4},"target":{"impact":2,"likelihood":1}},{"inherent":{"impact":3,"likelihood":2},"ref":"R5","residual":{"impact":3,"likelihood":1},"target":{"impact":2,"likelihood":1}},{"inherent":{"impact":3,"likelihood":3},"ref":"R6","residual":{"impact":2,"likelihood":2},"target":{"impact":1,"likelihood":1}}]}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('governance', '', NULL, 0, '{"narrative":"The Northmoor SEND Improvement Board (fictional) meets every six weeks, chaired by the Director of Children’s Services. It reports to the Health and Wellbeing Board and, for health matters, to the ICB Quality Committee.\n\nEach area of weakness has a lead who reports progress, risks and KPIs to every meeting.","partners":["Northmoor Council (fictional)","Northmoor Integrated Care Board (fictional)","Northmoor Parent Carer Forum (fictional)","Schools, colleges and early years settings"],"reportingLines":[{"frequency":"quarterly","from":"SEND Improvement Board","kind":"accountability","to":"Health and Wellbeing Board"},{"frequency":"every two months","from":"SEND Improvement Board","kind":"accountability","to":"ICB Quality Committee"},{"frequency":"every six weeks","from":"Area leads","kind":"information","to":"SEND Improvement Board"}]}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('header', '', NULL, 0, '{"accountableOfficers":[{"name":"Dr Amélie Hartwell","organisation":"Northmoor Council (fictional)","role":"Director of Children’s Services"},{"name":"Siân Kerrow","organisation":"Northmoor Integrated Care Board (fictional)","role":"Chief Nursing Officer"}],"advisers":[{"name":"Renée Ashworth","organisation":"Department for Education","role":"SEND Adviser"},{"name":"Kwame Osei-Thorne","organisation":"NHS England","role":"SEND Adviser"}],"inspectionEnd":"2023-03-10","inspectionStart":"2023-03-06","localArea":"Northmoor Local Area (fictional)","notice":"Fictional plan for testing layouts: Northmoor, its people, figures and findings are invented. Five areas of weakness, long and short text, every status and non-ASCII text (£, –, ’, é).","revisitReportDate":"2023-05-02","title":"Accelerated Progress Plan (APP) for Northmoor Local Area – a fictional plan"}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('kpi', 'K1', NULL, 0, '{"baseline":{"date":"2023-03-31","note":"","value":18},"better":"lower","milestones":[{"actual":16,"date":"2023-06-30","label":"3 months","target":15},{"date":"2023-09-30","label":"6 months","target":12},{"date":"2024-03-31","label":"12 months","target":8}],"name":"Permanent exclusions of pupils with EHC plans (per term)","ref":"K1","unit":"count"}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('kpi', 'K2', NULL, 1, '{"baseline":{"date":"2023-03-31","note":"","value":41},"better":"lower","comparator":{"label":"Regional median","value":18.5},"milestones":[{"actual":38,"date":"2023-06-30","label":"3 months","target":36},{"date":"2023-09-30","label":"6 months","target":30},{"date":"2024-03-31","label":"12 months","target":18}],"name":"Median wait for occupational therapy","ref":"K2","unit":"weeks"}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('kpi', 'K3', NULL, 2, '{"baseline":{"date":"2023-03-31","note":"","value":22},"better":"higher","milestones":[{"actual":48,"date":"2023-06-30","label":"3 months","target":40},{"date":"2023-09-30","label":"6 months","target":60},{"date":"2024-03-31","label":"12 months","target":90}],"name":"Year 9+ annual reviews with adulthood outcomes","ref":"K3","unit":"%"}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('kpi', 'K4', NULL, 3, '{"better":"higher","comparator":{"label":"England average (survey)","value":47},"milestones":[{"date":"2023-06-30","label":"3 months","target":35},{"date":"2023-09-30","label":"6 months","target":45},{"date":"2024-03-31","label":"12 months","target":60}],"name":"Families who feel listened to","ref":"K4","unit":"%"}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('risk', 'R1', NULL, 0, '{"areas":[2],"inherent":{"impact":4,"likelihood":5},"mitigation":"Independent-sector capacity; apprenticeship route; retention payments.","owner":"Priya Anand","progress":"Two rounds of adverts unsuccessful.","raised":"2023-03-31","ref":"R1","residual":{"impact":4,"likelihood":4},"reviewDate":"2023-10-02","risk":"Occupational therapists cannot be recruited, so waits do not fall.","target":{"impact":3,"likelihood":2}}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('risk', 'R2', NULL, 1, '{"areas":[1,5],"inherent":{"impact":5,"likelihood":4},"mitigation":"Deficit recovery plan; outreach funded from the early intervention reserve.","owner":"Owen Bryce","progress":"Reserve funding agreed for 2023–24 only.","raised":"2023-03-31","ref":"R2","residual":{"impact":4,"likelihood":3},"reviewDate":"2023-10-02","risk":"The high-needs deficit (£11.8m) stops new outreach posts.","target":{"impact":4,"likelihood":2}}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('risk', 'R3', NULL, 2, '{"areas":[3],"inherent":{"impact":4,"likelihood":3},"mitigation":"ICB escalation; shared transition posts.","owner":"Siân Kerrow","progress":"Escalated to the ICB board in August.","raised":"2023-04-14","ref":"R3","residual":{"impact":4,"likelihood":3},"reviewDate":"2023-09-18","risk":"Adult services do not sign up to the health transition protocol.","target":{"impact":4,"likelihood":1}}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('risk', 'R4', NULL, 3, '{"areas":[5],"inherent":{"impact":3,"likelihood":4},"mitigation":"Letter from the DCS; data item in the schools’ annual return.","owner":"Owen Bryce","progress":"Returns up from 40% to 61%.","raised":"2023-04-14","ref":"R4","residual":{"impact":3,"likelihood":3},"reviewDate":"2023-09-18","risk":"Schools do not return part-time timetable data.","target":{"impact":2,"likelihood":1}}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('risk', 'R5', NULL, 4, '{"areas":[4],"inherent":{"impact":3,"likelihood":2},"mitigation":"Funded forum hours; prioritised co-production calendar.","owner":"Tomás Reyes","progress":"Calendar agreed with the forum.","raised":"2023-05-02","ref":"R5","residual":{"impact":3,"likelihood":1},"reviewDate":"2023-11-06","risk":"Forum capacity is too small to co-produce everything the plan asks of it.","target":{"impact":2,"likelihood":1}}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('risk', 'R6', NULL, 5, '{"areas":[2,3],"inherent":{"impact":3,"likelihood":3},"mitigation":"Interim paper template; supplier penalty clause.","owner":"Priya Anand","progress":"Release confirmed for October.","raised":"2023-05-02","ref":"R6","residual":{"impact":2,"likelihood":2},"reviewDate":"2023-11-06","risk":"The case-management system change is delayed, blocking new review templates.","target":{"impact":1,"likelihood":1}}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('settings', '', NULL, 0, '{"dueSoonDays":14,"lowRiskMax":4,"mediumRiskMax":12}', 1);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '1a', '1', 0, '{"byWhen":"2023-06-30","kpiText":"JSNA chapter published.","kpis":[],"leads":["Owen Bryce"],"notes":[{"author":"Owen Bryce","date":"2023-06-27","id":"7656d358e1394b1e","text":"Signed off by the Health and Wellbeing Board."}],"ref":"1a","seniorResponsibleOfficer":"Dr Amélie Hartwell","status":"green","successCriteria":"Analysis signed off by the Health and Wellbeing Board.","text":"Complete a joint strategic needs analysis for SEND – agreed by all partners."}', 3);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('action', '1b', '1', 1, '{"byWhen":"2023-09-29","kpiText":"","kpis":[],"leads":["Owen Bryce","Priya Anand"],"notes":[{"author":"Owen Bryce","date":"2023-05-03","id":"fac66baa612eb038","text":"Draft framework with legal services."},{"author":"Owen Bryce","date":"2023-08-14","id":"40d1712717c9d958","text":"Amber: pooled budget rules need ICB board approval, now scheduled for October."},{"author":"sam","date":"2023-08-15","id":"3fc1445c24c968ed","text":"Recruitment paused"}],"ref":"1b","seniorResponsibleOfficer":"Dr Amélie Hartwell","status":"red","successCriteria":"","text":"Agree a joint commissioning framework with pooled budget rules."}', 4);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('meeting', 'Board 2023-09-12', NULL, 0, '{"byWhen":[{"byWhen":"2023-06-30","ref":"1a"},{"byWhen":"2023-09-29","ref":"1b"},{"byWhen":"2023-12-15","ref":"1c.i"},{"byWhen":"2024-03-29","ref":"1c.ii"},{"byWhen":"2023-05-31","ref":"2a"},{"byWhen":"2023-07-31","ref":"2b.i"},{"byWhen":"2023-10-31","ref":"2b.ii"},{"byWhen":"2023-09-15","ref":"2c"},{"byWhen":"2023-08-31","ref":"2d"},{"ref":"2e"},{"byWhen":"2023-12-15","ref":"3a"},{"byWhen":"2024-03-29","ref":"3b"},{"byWhen":"2023-11-30","ref":"3c"},{"byWhen":"2023-04-28","ref":"4a"},{"byWhen":"2023-06-30","ref":"4b"},{"byWhen":"2023-05-31","ref":"4c"},{"byWhen":"2023-10-31","ref":"4d"},{"byWhen":"2023-09-29","ref":"4e"},{"byWhen":"2024-01-31","ref":"4f"},{"byWhen":"2023-12-15","ref":"4g"},{"byWhen":"2024-02-29","ref":"4h"},{"byWhen":"2023-06-30","ref":"5a"},{"byWhen":"2023-09-01","ref":"5b.i"},{"byWhen":"2023-09-01","ref":"5b.ii"},{"byWhen":"2023-09-01","ref":"5b.iii"},{"byWhen":"2024-03-29","ref":"5c"}],"checkpoint":"Board 2023-09-12","date":"2023-09-12","decisions":[],"highlights":[{"area":1,"asks":"","escalations":"","nextSteps":"","progress":"Leads met","rag":"amber","reason":"Red waits on recruitment"}],"name":"Board 2023-09-12"}', 9);
INSERT INTO planboard.part (kind, key, parent, "position", body, rev) VALUES ('checkpoint', 'Board 2023-09-12', NULL, 1, '{"actions":[{"ref":"1a","status":"green"},{"ref":"1b","status":"red"},{"ref":"1c.i","status":"green"},{"ref":"1c.ii","status":"not-started"},{"ref":"2a","status":"complete"},{"ref":"2b.i","status":"red"},{"ref":"2b.ii","status":"amber"},{"ref":"2c","status":"green"},{"ref":"2d","status":"green"},{"ref":"2e","status":"not-started"},{"ref":"3a","status":"amber"},{"ref":"3b","status":"green"},{"ref":"3c","status":"red"},{"ref":"4a","status":"complete"},{"ref":"4b","status":"complete"},{"ref":"4c","status":"complete"},{"ref":"4d","status":"green"},{"ref":"4e","status":"amber"},{"ref":"4f","status":"green"},{"ref":"4g","status":"not-started"},{"ref":"4h","status":"not-started"},{"ref":"5a","status":"red"},{"ref":"5b.i","status":"green"},{"ref":"5b.ii","status":"amber"},{"ref":"5b.iii","status":"complete"},{"ref":"5c","status":"not-started"}],"date":"2023-09-12","kpis":[{"actuals":[16,null,null],"ref":"K1"},{"actuals":[38,null,null],"ref":"K2"},{"actuals":[48,null,null],"ref":"K3"},{"actuals":[null,null,null],"ref":"K4"}],"name":"Board 2023-09-12","risks":[{"inherent":{"impact":4,"likelihood":5},"ref":"R1","residual":{"impact":4,"likelihood":4},"target":{"impact":3,"likelihood":2}},{"inherent":{"impact":5,"likelihood":4},"ref":"R2","residual":{"impact":4,"likelihood":3},"target":{"impact":4,"likelihood":2}},{"inherent":{"impact":4,"likelihood":3},"ref":"R3","residual":{"impact":4,"likelihood":3},"target":{"impact":4,"likelihood":1}},{"inherent":{"impact":3,"likelihood":4},"ref":"R4","residual":{"impact":3,"likelihood":3},"target":{"impact":2,"likelihood":1}},{"inherent":{"impact":3,"likelihood":2},"ref":"R5","residual":{"impact":3,"likelihood":1},"target":{"impact":2,"likelihood":1}},{"inherent":{"impact":3,"likelihood":3},"ref":"R6","residual":{"impact":2,"likelihood":2},"target":{"impact":1,"likelihood":1}}]}', 9);


--
-- Data for Name: plan; Type: TABLE DATA; Schema: planboard; Owner: planadmin
--

INSERT INTO planboard.plan (id, format, version) VALUES (1, 'planboard/1', 10);


--
-- Name: change change_pkey; Type: CONSTRAINT; Schema: planboard; Owner: planadmin
--

ALTER TABLE ONLY planboard.change
    ADD CONSTRAINT change_pkey PRIMARY KEY (seq);


--
-- Name: change change_token_key; Type: CONSTRAINT; Schema: planboard; Owner: planadmin
--

ALTER TABLE ONLY planboard.change
    ADD CONSTRAINT change_token_key UNIQUE (token);


--
-- Name: meta meta_pkey; Type: CONSTRAINT; Schema: planboard; Owner: planadmin
--

ALTER TABLE ONLY planboard.meta
    ADD CONSTRAINT meta_pkey PRIMARY KEY (key);


--
-- Name: part part_pkey; Type: CONSTRAINT; Schema: planboard; Owner: planadmin
--

ALTER TABLE ONLY planboard.part
    ADD CONSTRAINT part_pkey PRIMARY KEY (kind, key);


--
-- Name: plan plan_pkey; Type: CONSTRAINT; Schema: planboard; Owner: planadmin
--

ALTER TABLE ONLY planboard.plan
    ADD CONSTRAINT plan_pkey PRIMARY KEY (id);


--
-- Name: change_at; Type: INDEX; Schema: planboard; Owner: planadmin
--

CREATE INDEX change_at ON planboard.change USING btree (at);


--
-- Name: change change_target_fkey; Type: FK CONSTRAINT; Schema: planboard; Owner: planadmin
--

ALTER TABLE ONLY planboard.change
    ADD CONSTRAINT change_target_fkey FOREIGN KEY (target) REFERENCES planboard.change(seq);


--
-- Name: change; Type: ROW SECURITY; Schema: planboard; Owner: planadmin
--

ALTER TABLE planboard.change ENABLE ROW LEVEL SECURITY;

--
-- Name: change change_read; Type: POLICY; Schema: planboard; Owner: planadmin
--

CREATE POLICY change_read ON planboard.change FOR SELECT TO planboard_viewer USING (true);


--
-- Name: change change_signed; Type: POLICY; Schema: planboard; Owner: planadmin
--

CREATE POLICY change_signed ON planboard.change FOR INSERT TO planboard_editor WITH CHECK ((who = SESSION_USER));


--
-- Name: part; Type: ROW SECURITY; Schema: planboard; Owner: planadmin
--

ALTER TABLE planboard.part ENABLE ROW LEVEL SECURITY;

--
-- Name: part part_chair; Type: POLICY; Schema: planboard; Owner: planadmin
--

CREATE POLICY part_chair ON planboard.part TO planboard_chair USING (true) WITH CHECK (true);


--
-- Name: part part_editor_delete; Type: POLICY; Schema: planboard; Owner: planadmin
--

CREATE POLICY part_editor_delete ON planboard.part FOR DELETE TO planboard_editor USING ((kind = ANY (ARRAY['action'::text, 'risk'::text, 'kpi'::text])));


--
-- Name: part part_editor_insert; Type: POLICY; Schema: planboard; Owner: planadmin
--

CREATE POLICY part_editor_insert ON planboard.part FOR INSERT TO planboard_editor WITH CHECK ((kind = ANY (ARRAY['action'::text, 'risk'::text, 'kpi'::text])));


--
-- Name: part part_editor_update; Type: POLICY; Schema: planboard; Owner: planadmin
--

CREATE POLICY part_editor_update ON planboard.part FOR UPDATE TO planboard_editor USING ((kind = ANY (ARRAY['action'::text, 'risk'::text, 'kpi'::text]))) WITH CHECK ((kind = ANY (ARRAY['action'::text, 'risk'::text, 'kpi'::text])));


--
-- Name: part part_read; Type: POLICY; Schema: planboard; Owner: planadmin
--

CREATE POLICY part_read ON planboard.part FOR SELECT TO planboard_viewer USING (true);


--
-- Name: plan; Type: ROW SECURITY; Schema: planboard; Owner: planadmin
--

ALTER TABLE planboard.plan ENABLE ROW LEVEL SECURITY;

--
-- Name: plan plan_create; Type: POLICY; Schema: planboard; Owner: planadmin
--

CREATE POLICY plan_create ON planboard.plan FOR INSERT TO planboard_chair WITH CHECK (true);


--
-- Name: plan plan_read; Type: POLICY; Schema: planboard; Owner: planadmin
--

CREATE POLICY plan_read ON planboard.plan FOR SELECT TO planboard_viewer USING (true);


--
-- Name: plan plan_write; Type: POLICY; Schema: planboard; Owner: planadmin
--

CREATE POLICY plan_write ON planboard.plan FOR UPDATE TO planboard_editor USING (true) WITH CHECK (true);


--
-- Name: SCHEMA planboard; Type: ACL; Schema: -; Owner: planadmin
--

GRANT USAGE ON SCHEMA planboard TO planboard_viewer;


--
-- Name: FUNCTION role_of(person name); Type: ACL; Schema: planboard; Owner: planadmin
--

GRANT ALL ON FUNCTION planboard.role_of(person name) TO planboard_viewer;


--
-- Name: FUNCTION set_person(person text, new_role text, new_password text, must_be_new boolean); Type: ACL; Schema: planboard; Owner: planadmin
--

REVOKE ALL ON FUNCTION planboard.set_person(person text, new_role text, new_password text, must_be_new boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION planboard.set_person(person text, new_role text, new_password text, must_be_new boolean) TO planboard_viewer;


--
-- Name: TABLE change; Type: ACL; Schema: planboard; Owner: planadmin
--

GRANT SELECT ON TABLE planboard.change TO planboard_viewer;
GRANT INSERT ON TABLE planboard.change TO planboard_editor;


--
-- Name: TABLE meta; Type: ACL; Schema: planboard; Owner: planadmin
--

GRANT SELECT ON TABLE planboard.meta TO planboard_viewer;


--
-- Name: TABLE part; Type: ACL; Schema: planboard; Owner: planadmin
--

GRANT SELECT ON TABLE planboard.part TO planboard_viewer;
GRANT INSERT,DELETE,UPDATE ON TABLE planboard.part TO planboard_editor;


--
-- Name: TABLE plan; Type: ACL; Schema: planboard; Owner: planadmin
--

GRANT SELECT ON TABLE planboard.plan TO planboard_viewer;
GRANT UPDATE ON TABLE planboard.plan TO planboard_editor;
GRANT INSERT ON TABLE planboard.plan TO planboard_chair;


--
-- PostgreSQL database dump complete
--

\unrestrict T5heVvdlA5KGfq0gp8029JLBuWeSlNUgohBQqdcvtDQGiEgXq32Uk8C4QTO4kR8

