# Ffrydiau a chalendrau: cofnodion Atom a digwyddiadau calendr.

feed-title = { $body }: agendâu
feed-decision-note = Nodyn penderfyniadau: { $body }
feed-not-approved = Nid yw'r cofnodion wedi'u cymeradwyo eto.
feed-paper-due = Papur yn ddyledus: { $title }
feed-for-meeting = Ar gyfer cyfarfod { $body }.
feed-action-due = Cam gweithredu yn ddyledus: { $description }
feed-cancelled = Wedi'i ganslo: { $reason }
feed-not-published = Nid yw'r agenda wedi'i chyhoeddi eto.
feed-agenda-version = Agenda (fersiwn { $number }) a phapurau:
feed-agenda = Agenda: { $body }
feed-supplement = Atodiad { $number }: { $body }
