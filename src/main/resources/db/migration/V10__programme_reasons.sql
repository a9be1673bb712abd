-- Why each exercise is in the programme (clinical reference §9): the codes of the rules that put it
-- there or changed it (STAGE, KNACK, LOAD_FAILED:HOP, STRENGTH:SL_BRIDGE:LEFT, CLINICIAN, IMPORTED ...),
-- separated by single spaces, in the order the rules gave them. Codes never contain a space. Not part
-- of record format v1. Programmes saved before this column have none (NULL).

ALTER TABLE programme_exercise ADD COLUMN reasons VARCHAR(1000);
